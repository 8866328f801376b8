package io.flashsale.shared.infrastructure.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Instants as RFC 3339 date-times with a four-digit year ({@code 2026-11-25T12:00:00Z}, an offset, optional
 * fractions): what the OpenAPI document promises. Anything else (year +999999999, a date alone, a number) is a
 * malformed body, not something for the database to choke on.
 */
final class StrictInstants implements JsonbDeserializer<Instant> {

    static final StrictInstants INSTANCE = new StrictInstants();

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private StrictInstants() {
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue json = parser.getValue();
        if (json == JsonValue.NULL) {
            return null;
        }
        if (!(json instanceof JsonString string)) {
            throw new JsonbException("an RFC 3339 date-time string was expected");
        }
        String text = string.getString();
        if (!RFC_3339.matcher(text).matches()) {
            throw new JsonbException("an RFC 3339 date-time with a four-digit year was expected");
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase()).toInstant();
        } catch (DateTimeParseException invalid) {
            throw new JsonbException("not a valid date-time: " + invalid.getMessage());
        }
    }
}
