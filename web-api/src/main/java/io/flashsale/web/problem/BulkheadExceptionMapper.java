package io.flashsale.web.problem;

import io.flashsale.seckill.application.PurchaseOutcomes;
import io.flashsale.seckill.application.PurchaseOutcomes.Outcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/** Load shedding: the purchase bulkhead is full, so this request is turned away at once instead of queueing. */
@Provider
public class BulkheadExceptionMapper implements ExceptionMapper<BulkheadException> {

    @Inject
    PurchaseOutcomes outcomes;

    @Override
    public Response toResponse(BulkheadException e) {
        outcomes.count(Outcome.UNAVAILABLE);
        return Problem.of(503, "overloaded", "Service Unavailable", "too many purchases in progress; retry shortly")
                .toResponseBuilder()
                .header("Retry-After", "1")
                .build();
    }
}
