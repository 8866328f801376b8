package io.flashsale.shared.infrastructure.scheduling;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job run again and again, a fixed delay after each run ends (at once when it left work), on its own
 * container-managed thread; used instead of an EJB {@code @Schedule} timer. Payara expunges a timer whose deliveries fail twice in a row (EJB5119), and a
 * database crash does that: a transaction the container could not end (its connection died mid-enlistment) stays
 * on the timer's thread and fails every call after it, and the job never runs again (seen in the fault tests: the
 * housekeeping stopped for good after MariaDB was killed). Here a failed run is logged, a transaction left on the
 * thread is rolled back, and the next run comes anyway.
 */
public final class RepeatingJob implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RepeatingJob.class.getName());
    /** Payara's (GlassFish's) name for the JTA TransactionManager; the standard names only give UserTransaction. */
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    private final ScheduledThreadPoolExecutor executor;

    private RepeatingJob(ManagedThreadFactory threads) {
        executor = new ScheduledThreadPoolExecutor(1, threads);
    }

    /**
     * {@code job} returns whether it left work for another run (it stopped at its budget): the next run then starts
     * at once, else after {@code delay}. A backlog is worked off at full speed in runs that each stay short.
     */
    public static RepeatingJob start(ManagedThreadFactory threads, String name, Duration delay, BooleanSupplier job) {
        RepeatingJob repeating = new RepeatingJob(threads);
        repeating.scheduleNext(name, delay, job, delay.toMillis());
        return repeating;
    }

    private void scheduleNext(String name, Duration delay, BooleanSupplier job, long inMillis) {
        try {
            executor.schedule(() -> scheduleNext(name, delay, job, runOnce(name, job) ? 0 : delay.toMillis()),
                    inMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // undeployed: no more runs
        }
    }

    private static boolean runOnce(String name, BooleanSupplier job) {
        try {
            return job.getAsBoolean();
        } catch (Throwable failed) { // the next run must come anyway
            LOG.log(Level.WARNING, "{0} failed, runs again: {1}", new Object[] {name, failed.toString()});
            return false;
        } finally {
            discardLeakedTransaction(name);
        }
    }

    private static void discardLeakedTransaction(String name) {
        try {
            TransactionManager transactions = (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
            if (transactions.getTransaction() != null) {
                Transaction leaked = transactions.suspend();
                LOG.log(Level.WARNING, "{0}: a transaction was left on its thread ({1}); rolled back",
                        new Object[] {name, leaked});
                leaked.rollback();
            }
        } catch (NamingException | RuntimeException | SystemException e) {
            LOG.log(Level.WARNING, "{0}: could not check its thread for a leftover transaction: {1}",
                    new Object[] {name, e.toString()});
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
