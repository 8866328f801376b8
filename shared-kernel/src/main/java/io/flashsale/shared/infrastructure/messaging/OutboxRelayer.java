package io.flashsale.shared.infrastructure.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the oldest pending rows of one outbox table and marks them published once Kafka acked them (acks=all on the
 * channel). Call it inside a transaction: rows are claimed with FOR UPDATE SKIP LOCKED, so several instances never
 * send the same batch at once, and if Kafka fails the transaction rolls back and the rows stay pending. Delivery is
 * at least once; consumers deduplicate on event_id. Rows published longer ago than the retention are deleted
 * ({@link #purge}).
 */
public final class OutboxRelayer {

    public static final int BATCH_SIZE = 500;
    private static final long RELAY_BUDGET_MILLIS = 50;
    /** Published rows deleted per statement (each its own transaction), and at most how many statements per call. */
    public static final int PURGE_BATCH = 1_000;
    private static final int MAX_PURGE_BATCHES = 3;
    /**
     * A relay purges every this many runs: a few statements at a time keep each run short (up to 600 rows a second,
     * 50M a day, far more than the outbox ever takes in).
     */
    public static final int PURGE_EVERY_TICKS = 5;

    private static final Logger LOG = Logger.getLogger(OutboxRelayer.class.getName());

    private OutboxRelayer() {
    }

    /**
     * Runs batches until one comes back short or {@value #RELAY_BUDGET_MILLIS} ms are spent; skips the tick if the
     * previous one still runs. Returns whether rows may be left (the last batch was full): the relay then runs again
     * at once, so a stampede's backlog is relayed at full speed in short runs (one run relayed it all, up to 18 s under
     * a stampede: growth benchmark). A failure leaves the rows pending for the next tick.
     */
    public static boolean relay(AtomicBoolean running, IntSupplier nextBatch, String table) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            long started = System.nanoTime();
            boolean full;
            do {
                full = nextBatch.getAsInt() == BATCH_SIZE;
            } while (full && System.nanoTime() - started < RELAY_BUDGET_MILLIS * 1_000_000L);
            return full;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "relaying {0} failed; the rows stay pending and are retried: {1}",
                    new Object[] {table, e.toString()});
            return false;
        } finally {
            running.set(false);
        }
    }

    /**
     * Deletes the rows published before {@code retention} ago, oldest first, {@link #PURGE_BATCH} per call of
     * {@code nextBatch} (given the cut-off), until one comes back short or {@value #MAX_PURGE_BATCHES} ran: an
     * outbox that only grew held every event ever sent. Rows not yet published are never touched.
     */
    public static void purge(ToIntFunction<Instant> nextBatch, Duration retention, String table) {
        Instant before = Instant.now().minus(retention);
        try {
            for (int batch = 0; batch < MAX_PURGE_BATCHES && nextBatch.applyAsInt(before) == PURGE_BATCH; batch++) {
                // keep deleting while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "purging {0} failed; retried later: {1}", new Object[] {table, e.toString()});
        }
    }

    /** One purge statement on {@code table} (in the caller's transaction, if any): returns how many rows it deleted. */
    public static int purgeSent(DataSource database, String table, Instant publishedBefore) {
        // the (published_at, id) index of the pending rows serves this range too; NULL (pending) is never < anything
        try (Connection connection = database.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE published_at < ? ORDER BY published_at LIMIT ?")) {
            delete.setTimestamp(1, Timestamp.from(publishedBefore));
            delete.setInt(2, PURGE_BATCH);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("purging " + table + " failed", e);
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
