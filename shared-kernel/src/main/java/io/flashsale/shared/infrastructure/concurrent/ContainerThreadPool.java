package io.flashsale.shared.infrastructure.concurrent;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of container-managed threads (from a {@link ManagedThreadFactory}, so tasks run with the
 * application's context) behind a plain executor, every thread started at once. Start it when the application starts
 * (observe {@code jakarta.enterprise.event.Startup}), never inside a request or an EJB call:
 * <ul>
 * <li>Payara's {@code ManagedExecutorService} captures context per task with a {@code ServiceLoader} scan of the
 *     class path, which cost more than the purchase it continued;</li>
 * <li>capturing context clones the caller's component invocation, and the clone shares the caller's invocation
 *     registry, where Payara keeps the EntityManagers of reads made outside a transaction: a task's reads would use
 *     and close the caller's EntityManager (seen: "Attempting to execute an operation on a closed EntityManager" on
 *     an order read that had started a background refresh).</li>
 * </ul>
 * A task that reads the database calls an EJB, which gives it an invocation (and EntityManagers) of its own.
 */
public final class ContainerThreadPool implements Executor {

    private final ThreadPoolExecutor pool;

    private ContainerThreadPool(ManagedThreadFactory threads, int size, BlockingQueue<Runnable> waiting) {
        pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, waiting, threads);
        pool.prestartAllCoreThreads();
    }

    /** Tasks beyond {@code size} wait, however many. */
    public static ContainerThreadPool unbounded(ManagedThreadFactory threads, int size) {
        return new ContainerThreadPool(threads, size, new LinkedBlockingQueue<>());
    }

    /** At most {@code waiting} tasks wait; {@link #execute} refuses more with {@link RejectedExecutionException}. */
    public static ContainerThreadPool bounded(ManagedThreadFactory threads, int size, int waiting) {
        return new ContainerThreadPool(threads, size, new ArrayBlockingQueue<>(waiting));
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Running tasks are interrupted; waiting ones are dropped. */
    public void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
