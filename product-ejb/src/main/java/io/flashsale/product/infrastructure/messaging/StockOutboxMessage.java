package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxEntry;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** A stock event waiting in the product context's outbox. */
@Entity
@Table(name = "product_outbox", indexes = @Index(name = "ix_outbox_pending", columnList = "published_at, id"))
@TableGenerator(name = OutboxEntry.ID_GENERATOR, table = OutboxEntry.ID_TABLE, pkColumnValue = "product_outbox",
        allocationSize = OutboxEntry.ID_BLOCK)
public class StockOutboxMessage extends OutboxEntry {

    protected StockOutboxMessage() {
    }

    StockOutboxMessage(OutgoingEvent event) {
        super(event);
    }
}
