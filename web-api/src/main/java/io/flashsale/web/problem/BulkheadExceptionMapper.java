package io.flashsale.web.problem;

import io.flashsale.seckill.application.PurchaseOutcomes;
import io.flashsale.seckill.application.PurchaseOutcomes.Outcome;
import io.flashsale.web.seckill.ActivityResource;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Load shedding: a bulkhead is full (purchases in progress, or password hashes of logins and sign-ups), so this
 * request is turned away at once instead of queueing.
 */
@Provider
public class BulkheadExceptionMapper implements ExceptionMapper<BulkheadException> {

    @Inject
    PurchaseOutcomes outcomes;

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(BulkheadException e) {
        boolean purchase = resource.getResourceClass() == ActivityResource.class;
        if (purchase) {
            outcomes.count(Outcome.UNAVAILABLE);
        }
        return Problem.of(503, "overloaded", "Service Unavailable", (purchase ? "too many purchases"
                        : "too many logins and sign-ups") + " in progress; retry shortly")
                .toResponseBuilder()
                .header("Retry-After", "1")
                .build();
    }
}
