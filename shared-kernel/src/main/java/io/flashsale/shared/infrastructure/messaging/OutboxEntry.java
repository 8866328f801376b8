package io.flashsale.shared.infrastructure.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * An event written in the same transaction as the change it describes, waiting to be relayed to Kafka. Each bounded
 * context maps it to its own table (its persistence unit owns it); {@link OutboxRelayer} sends the pending rows.
 *
 * <p>Ids come from a table generator in blocks ({@link #ID_GENERATOR}, declared by each mapped entity), not from an
 * identity column: an identity column costs a round trip per row for the new key and prevents JDBC batching, and the
 * order writer writes an event per order, hundreds per transaction.
 */
@MappedSuperclass
public abstract class OutboxEntry {

    /** The name of the {@code @TableGenerator} each outbox entity declares for its own counter. */
    public static final String ID_GENERATOR = "outbox_ids";
    public static final String ID_TABLE = "id_block";
    public static final int ID_BLOCK = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = ID_GENERATOR)
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

    protected OutboxEntry() {
    }

    protected OutboxEntry(OutgoingEvent event) {
        this.eventId = event.eventId();
        this.eventType = event.eventType();
        this.key = event.key();
        this.payload = event.json();
        this.occurredAt = event.occurredAt();
    }

    OutgoingEvent event() {
        return new OutgoingEvent(key, eventType, eventId, occurredAt, payload);
    }
}
