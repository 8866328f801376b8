package io.flashsale.product.infrastructure.messaging;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every second, drains the outbox batch by batch; each batch is its own transaction ({@link OutboxBatch}). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void relay() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous tick is still sending
        }
        try {
            while (batch.relayNext() == OutboxBatch.SIZE) {
                // keep draining while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox relay failed; the rows stay pending and are retried: {0}", e.toString());
        } finally {
            running.set(false);
        }
    }
}
