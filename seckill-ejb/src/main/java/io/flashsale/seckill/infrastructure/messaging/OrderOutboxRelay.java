package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxBatch;
import io.flashsale.shared.infrastructure.messaging.OutboxRelay;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Relays the seckill outbox (order events) to {@code seckill.orders}, a batch per transaction ({@link OrderOutboxBatch}). */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OrderOutboxRelay extends OutboxRelay {

    @Inject
    OrderOutboxBatch batch;

    public OrderOutboxRelay() {
        super("seckill outbox relay", "seckill_outbox");
    }

    @Override
    protected OutboxBatch batch() {
        return batch;
    }
}
