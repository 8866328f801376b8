package io.flashsale.shared.infrastructure.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON format of the platform, on HTTP and on Kafka: snake_case members, nulls left out, whole numbers and
 * instants read strictly (see {@link StrictWholeNumbers}, {@link StrictInstants}).
 */
public final class JsonFormat {

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    private JsonFormat() {
    }

    public static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false)
                .withDeserializers(StrictWholeNumbers.INTEGERS, StrictWholeNumbers.LONGS, StrictInstants.INSTANCE);
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
