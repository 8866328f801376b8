package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.atomic.AtomicBoolean;

@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderOutboxRelay {

    @EJB
    OrderOutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void relay() {
        OutboxRelayer.drain(running, batch::relayNext, "seckill_outbox");
    }
}
