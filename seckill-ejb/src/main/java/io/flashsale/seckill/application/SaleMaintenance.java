package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Slow admin work (a rebuild waits seconds for the pipeline to drain) runs off the HTTP worker threads that serve
 * buyers, on MP Fault Tolerance's executor, a few at a time ({@code Bulkhead}: two running, sixteen waiting, more
 * answered 503 at once).
 */
@ApplicationScoped
public class SaleMaintenance {

    @EJB
    ReconciliationService reconciliation;

    @Asynchronous
    @Bulkhead(value = 2, waitingTaskQueue = 16)
    public CompletionStage<ReconciliationReport> rebuild(ActivityId id) {
        return CompletableFuture.completedFuture(reconciliation.rebuild(id));
    }
}
