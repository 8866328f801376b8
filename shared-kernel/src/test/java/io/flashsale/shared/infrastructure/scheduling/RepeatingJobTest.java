package io.flashsale.shared.infrastructure.scheduling;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job that left work runs again at once; one that did not waits for its delay; one that failed runs again. */
class RepeatingJobTest {

    private static final ManagedThreadFactory THREADS = new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "repeating-job-test");
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void runsAgainAtOnceWhileWorkIsLeftThenWaitsForTheDelay() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        // the first run comes after the delay (5 s); four runs leave work, the fifth does not
        try (RepeatingJob job = RepeatingJob.start(THREADS, "test", Duration.ofSeconds(5),
                () -> runs.incrementAndGet() < 5)) {
            assertTrue(awaitRuns(runs, 1, Duration.ofSeconds(30)));
            assertTrue(awaitRuns(runs, 5, Duration.ofSeconds(4)), "the backlog's runs followed each other, not 5 s"
                    + " apart: " + runs.get() + " runs");
            TimeUnit.MILLISECONDS.sleep(200);
            assertEquals(5, runs.get(), "no work left: the next run waits for the delay");
        }
    }

    @Test
    void aFailedRunDoesNotStopTheJob() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (RepeatingJob job = RepeatingJob.start(THREADS, "test", Duration.ofMillis(100), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is gone");
            }
            return false;
        })) {
            assertTrue(awaitRuns(runs, 3, Duration.ofSeconds(30)));
        }
    }

    private static boolean awaitRuns(AtomicInteger runs, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runs.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }
}
