package io.flashsale.seckill.infrastructure.concurrent;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Threads that carry on after a non-blocking call answered (a Kafka acknowledgement arrives on the Kafka client's
 * own I/O thread, which must not write HTTP answers or wait for Redis). A fixed pool of container-managed threads
 * (from the default {@link ManagedThreadFactory}, so they run with the application's context) behind a plain
 * executor: Payara's {@code ManagedExecutorService} captures context per task with a {@code ServiceLoader} scan of
 * the class path, which cost more than the purchase it continued.
 */
@ApplicationScoped
public class CallbackExecutor implements Executor {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "flashsale.callback-threads", defaultValue = "4")
    int size;

    private ThreadPoolExecutor pool;

    /** Created with the application, on a container thread, not by the first Kafka acknowledgement. */
    void startWithApplication(@Observes Startup startup) {
        pool.getPoolSize();
    }

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.prestartAllCoreThreads();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
