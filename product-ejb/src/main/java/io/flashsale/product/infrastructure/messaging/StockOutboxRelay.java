package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxBatch;
import io.flashsale.shared.infrastructure.messaging.OutboxRelay;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Relays the product outbox (stock events) to {@code product.stock}, a batch per transaction ({@link StockOutboxBatch}). */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StockOutboxRelay extends OutboxRelay {

    @Inject
    StockOutboxBatch batch;

    public StockOutboxRelay() {
        super("product outbox relay", "product_outbox");
    }

    @Override
    protected OutboxBatch batch() {
        return batch;
    }
}
