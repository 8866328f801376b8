package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.reconciliation.ReconciliationReport;
import io.flashsale.seckill.application.reconciliation.ReconciliationService;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.infrastructure.concurrent.ContainerThreadPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Slow admin work (a rebuild waits seconds for the pipeline to drain) runs off the HTTP worker threads that serve
 * buyers: on two container-managed threads of its own, four more waiting, anything beyond answered 503 at once.
 */
@ApplicationScoped
public class ActivityMaintenance {

    private static final int RUNNING = 2;
    /** A rebuild takes seconds: a longer queue would keep the last admin waiting past a client's timeout. */
    private static final int WAITING = 4;

    @Inject
    ReconciliationService reconciliation;

    @Resource
    ManagedThreadFactory threads;

    private ContainerThreadPool pool;

    /** Created with the application (see {@link ContainerThreadPool}), not by the first admin call. */
    void startWithApplication(@Observes Startup startup) {
        // nothing to do: the bean, and so its pool, is created to receive the event
    }

    @PostConstruct
    void start() {
        pool = ContainerThreadPool.bounded(threads, RUNNING, WAITING);
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }

    public CompletionStage<ReconciliationReport> rebuild(ActivityId id) {
        try {
            return CompletableFuture.supplyAsync(() -> reconciliation.rebuild(id), pool);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(new MaintenanceBusyException());
        }
    }

    public static class MaintenanceBusyException extends DomainException {
        MaintenanceBusyException() {
            super(Kind.UNAVAILABLE, "maintenance-busy", RUNNING + " rebuilds are running and " + WAITING
                    + " waiting; retry later");
        }
    }
}
