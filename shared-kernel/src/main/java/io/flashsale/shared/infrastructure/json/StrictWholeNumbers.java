package io.flashsale.shared.infrastructure.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Whole numbers as JSON numbers, exactly: Yasson would take {@code 1.5} as 1, {@code 4294967297} as an int 1 and
 * {@code "5"} as 5. Here a fraction, a value out of range or a string is a malformed body (400). For boxed types:
 * every request body declares {@code Integer} and {@code Long} (a missing member is null, for Bean Validation).
 */
final class StrictWholeNumbers {

    private StrictWholeNumbers() {
    }

    static final JsonbDeserializer<Integer> INTEGERS = new JsonbDeserializer<>() {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = wholeNumber(parser);
            try {
                return value == null ? null : value.intValueExact();
            } catch (ArithmeticException outOfRange) {
                throw new JsonbException("a whole number between " + Integer.MIN_VALUE + " and "
                        + Integer.MAX_VALUE + " was expected");
            }
        }
    };

    static final JsonbDeserializer<Long> LONGS = new JsonbDeserializer<>() {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = wholeNumber(parser);
            try {
                return value == null ? null : value.longValueExact();
            } catch (ArithmeticException outOfRange) {
                throw new JsonbException("a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        + " was expected");
            }
        }
    };

    /** Null for a JSON null (Bean Validation decides whether the member may be missing). */
    private static BigDecimal wholeNumber(JsonParser parser) {
        JsonValue json = parser.getValue();
        if (json == JsonValue.NULL) {
            return null;
        }
        if (!(json instanceof JsonNumber number)) {
            throw new JsonbException("a number was expected");
        }
        BigDecimal value = number.bigDecimalValue();
        if (value.signum() != 0 && value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("a whole number was expected, not a fraction");
        }
        return value;
    }
}
