package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every second, drains the outbox batch by batch; each batch is its own transaction ({@link OutboxBatch}). */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay extends RepeatingSingleton {

    @EJB
    OutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    public OutboxRelay() {
        super("product outbox relay", Duration.ofSeconds(1));
    }

    @Override
    public void runOnce() {
        OutboxRelayer.drain(running, batch::relayNext, "product_outbox");
    }
}
