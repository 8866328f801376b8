package io.flashsale.seckill.infrastructure.messaging;

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

@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderOutboxRelay extends RepeatingSingleton {

    @EJB
    OrderOutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    public OrderOutboxRelay() {
        super("seckill outbox relay", Duration.ofSeconds(1));
    }

    @Override
    public void runOnce() {
        OutboxRelayer.drain(running, batch::relayNext, "seckill_outbox");
    }
}
