package io.flashsale.client;

import io.flashsale.client.model.NewActivity;
import io.flashsale.client.model.Purchase;
import io.flashsale.client.model.PurchaseAccepted;
import io.flashsale.client.model.Reconciliation;
import io.flashsale.client.model.Activity;
import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;

/** Flash sales: administrators schedule them, customers buy in them. */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/seckill/activities")
public interface ActivityApi {

    @POST
    Activity createActivity(NewActivity sale);

    @GET
    @Path("/{id}")
    Activity getActivity(@PathParam("id") long activityId);

    /** Accepted at once; the order is PENDING until it is durable (read it with {@link OrderApi#getOrder}). */
    @POST
    @Path("/{id}/purchase")
    PurchaseAccepted purchase(@PathParam("id") long activityId, Purchase purchase);

    @GET
    @Path("/{id}/reconciliation")
    Reconciliation getReconciliation(@PathParam("id") long activityId);

    @POST
    @Path("/{id}/reconciliation/rebuild")
    Reconciliation rebuildSaleStock(@PathParam("id") long activityId);
}
