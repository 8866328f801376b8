package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxEntry;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** An order event waiting in the seckill context's outbox. */
@Entity
@Table(name = "seckill_outbox", indexes = @Index(name = "ix_seckill_outbox_pending", columnList = "published_at, id"))
@TableGenerator(name = OutboxEntry.ID_GENERATOR, table = OutboxEntry.ID_TABLE, pkColumnValue = "seckill_outbox",
        allocationSize = OutboxEntry.ID_BLOCK)
public class OrderOutboxMessage extends OutboxEntry {

    protected OrderOutboxMessage() {
    }

    OrderOutboxMessage(OutgoingEvent event) {
        super(event);
    }
}
