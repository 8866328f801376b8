package io.flashsale.shared.infrastructure.messaging;

import io.flashsale.shared.infrastructure.json.JsonFormat;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it goes onto Kafka: record key = the aggregate id, headers {@code event_type}, {@code event_id},
 * {@code timestamp} (RFC 3339), value = the payload as snake_case JSON.
 */
public record OutgoingEvent(String key, String eventType, String eventId, Instant occurredAt, String json) {

    public static OutgoingEvent of(String key, String eventType, String eventId, Instant occurredAt, Object payload) {
        return new OutgoingEvent(key, eventType, eventId, occurredAt, JsonFormat.toJson(payload));
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
