package io.flashsale.shared.infrastructure.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the oldest pending rows of one outbox table and marks them published once Kafka acked them (acks=all on the
 * channel). Call it inside a transaction: rows are claimed with FOR UPDATE SKIP LOCKED, so several instances never
 * send the same batch at once, and if Kafka fails the transaction rolls back and the rows stay pending. Delivery is
 * at least once; consumers deduplicate on event_id.
 */
public final class OutboxRelayer {

    public static final int BATCH_SIZE = 500;

    private static final Logger LOG = Logger.getLogger(OutboxRelayer.class.getName());

    private OutboxRelayer() {
    }

    /**
     * Runs batches until one comes back short; skips the tick if the previous one still runs. A failure leaves the
     * rows pending for the next tick.
     */
    public static void drain(AtomicBoolean running, IntSupplier nextBatch, String table) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (nextBatch.getAsInt() == BATCH_SIZE) {
                // keep draining while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "relaying {0} failed; the rows stay pending and are retried: {1}",
                    new Object[] {table, e.toString()});
        } finally {
            running.set(false);
        }
    }

    /** Returns how many rows were sent; {@link #BATCH_SIZE} means there may be more. */
    @SuppressWarnings("unchecked")
    public static <E extends OutboxEntry> int relayNext(EntityManager em, Class<E> entity, String table,
                                                        Emitter<String> emitter) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE published_at IS NULL"
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, BATCH_SIZE)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> keys = ids.stream().map(Number::longValue).toList();
        String name = entity.getSimpleName();
        // read-only: the rows are not registered for change tracking, so the UPDATE below does not diff them all
        List<E> entries = em.createQuery("select e from " + name + " e where e.id in :ids order by e.id", entity)
                .setParameter("ids", keys)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
        CompletableFuture<?>[] acks = entries.stream()
                .map(e -> KafkaEventSender.send(emitter, e.event()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not ack the outbox batch of " + table, e);
        }
        em.createQuery("update " + name + " e set e.publishedAt = :now where e.id in :ids")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("now", Instant.now())
                .setParameter("ids", keys)
                .executeUpdate();
        return ids.size();
    }
}
