package io.flashsale.product.infrastructure.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event written in the same transaction as the change it describes, waiting to be relayed to Kafka. */
@Entity
@Table(name = "product_outbox", indexes = @Index(name = "ix_outbox_pending", columnList = "published_at, id"))
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, length = 36, unique = true)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "message_key", nullable = false, length = 64)
    private String key;

    @Lob
    @Column(nullable = false)
    private String payload;

    @Column(name = "occurred_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant occurredAt;

    @Column(name = "published_at", columnDefinition = "DATETIME(6)")
    private Instant publishedAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String eventId, String eventType, String key, String payload, Instant occurredAt) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.key = key;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    Long id() {
        return id;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String key() {
        return key;
    }

    String payload() {
        return payload;
    }

    Instant occurredAt() {
        return occurredAt;
    }
}
