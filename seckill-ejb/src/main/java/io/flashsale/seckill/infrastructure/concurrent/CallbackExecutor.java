package io.flashsale.seckill.infrastructure.concurrent;

import io.flashsale.shared.infrastructure.concurrent.ContainerThreadPool;
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

/**
 * Threads that carry on after a non-blocking call answered (a Kafka acknowledgement arrives on the Kafka client's
 * own I/O thread, which must not write HTTP answers or wait for Redis).
 */
@ApplicationScoped
public class CallbackExecutor implements Executor {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "flashsale.callback-threads", defaultValue = "4")
    int size;

    private ContainerThreadPool pool;

    /** Created with the application (see {@link ContainerThreadPool}), not by the first Kafka acknowledgement. */
    void startWithApplication(@Observes Startup startup) {
        // nothing to do: the bean, and so its pool, is created to receive the event
    }

    @PostConstruct
    void start() {
        pool = ContainerThreadPool.unbounded(threads, size);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }
}
