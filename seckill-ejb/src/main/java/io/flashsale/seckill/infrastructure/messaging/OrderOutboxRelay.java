package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import io.flashsale.shared.infrastructure.scheduling.RepeatingJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderOutboxRelay {

    @EJB
    OrderOutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    ManagedThreadFactory threads;

    @Resource
    SessionContext context;

    private RepeatingJob job;

    @PostConstruct
    void start() {
        job = RepeatingJob.start(threads, "seckill outbox relay", Duration.ofSeconds(1),
                () -> context.getBusinessObject(OrderOutboxRelay.class).relay());
    }

    @PreDestroy
    void stop() {
        job.close();
    }

    public void relay() {
        OutboxRelayer.drain(running, batch::relayNext, "seckill_outbox");
    }
}
