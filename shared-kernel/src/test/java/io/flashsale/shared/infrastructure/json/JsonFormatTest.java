package io.flashsale.shared.infrastructure.json;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonFormatTest {

    public record Numbers(Integer count, Long id, int primitive, Instant at) {
    }

    @Test
    void wholeNumbersAndInstantsAreReadAsWritten() {
        Numbers read = JsonFormat.fromJson("{\"count\":2147483647,\"id\":-9223372036854775808,\"primitive\":-1,"
                + "\"at\":\"2026-11-25T12:00:00.123456789Z\"}", Numbers.class);
        assertEquals(new Numbers(Integer.MAX_VALUE, Long.MIN_VALUE, -1, Instant.parse("2026-11-25T12:00:00.123456789Z")),
                read);
        assertEquals(100, JsonFormat.fromJson("{\"count\":1e2}", Numbers.class).count(), "1e2 is a whole number");
        assertEquals(3, JsonFormat.fromJson("{\"count\":3.0}", Numbers.class).count(), "3.0 is a whole number");
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"),
                JsonFormat.fromJson("{\"at\":\"2026-11-25T12:00:00+02:00\"}", Numbers.class).at());
        assertNull(JsonFormat.fromJson("{\"count\":null}", Numbers.class).count());
    }

    @Test
    void anInstantWrittenIsReadBack() {
        Numbers written = new Numbers(1, 2L, 3, Instant.parse("2026-11-25T12:00:00.120Z"));
        assertEquals(written, JsonFormat.fromJson(JsonFormat.toJson(written), Numbers.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":4294967297}", "{\"count\":1.5}", "{\"count\":\"5\"}", "{\"count\":1e308}",
        "{\"count\":true}", "{\"id\":9223372036854775808}", "{\"id\":-9223372036854775809}", "{\"id\":0.1}",
        "{\"count\":[1]}"})
    void aNumberThatIsNotAWholeNumberInRangeIsRefused(String json) {
        assertThrows(JsonbException.class, () -> JsonFormat.fromJson(json, Numbers.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\":\"+999999999-12-31T23:59:59Z\"}", "{\"at\":\"2026-11-25\"}",
        "{\"at\":\"2026-11-25T12:00:00\"}", "{\"at\":1795644700}", "{\"at\":\"2026-13-25T12:00:00Z\"}",
        "{\"at\":\"2026-02-30T12:00:00Z\"}", "{\"at\":\"-2026-11-25T12:00:00Z\"}"})
    void anInstantThatIsNotAnRfc3339DateTimeIsRefused(String json) {
        assertThrows(JsonbException.class, () -> JsonFormat.fromJson(json, Numbers.class));
    }
}
