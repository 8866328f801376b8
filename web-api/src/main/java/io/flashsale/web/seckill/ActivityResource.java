package io.flashsale.web.seckill;

import io.flashsale.seckill.application.activity.ActivityMaintenance;
import io.flashsale.seckill.application.activity.ActivityService;
import io.flashsale.seckill.application.activity.ActivityView;
import io.flashsale.seckill.application.purchase.PurchaseService;
import io.flashsale.seckill.application.reconciliation.ReconciliationService;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.web.Roles;
import io.flashsale.web.auth.Caller;
import io.flashsale.web.problem.DomainExceptionMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.concurrent.CompletionStage;

@Path("/seckill/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ActivityResource {

    // @EJB: a session bean of an EJB module of the EAR (this is the WAR); EJB references resolve across modules
    @EJB
    ActivityService activities;

    @EJB
    ReconciliationService reconciliation;

    @Inject
    ActivityMaintenance maintenance;

    @Inject
    PurchaseService purchases;


    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "the new sale; its units left the product's stock",
            headers = @Header(name = "Location", description = "the new sale",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ActivityResponse")))
    @Operation(operationId = "createActivity",
            summary = "Schedule a flash sale of a product (administrators)")
    public Response create(@NotNull @Valid CreateActivityRequest request, @Context UriInfo uri) {
        ActivityView created = activities.create(request.productId(), request.price(), request.stock(),
                request.perUserLimit(), request.startsAt(), request.endsAt(), request.paymentWindowSeconds());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(ActivityResponse.of(created)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getActivity",
            summary = "One flash sale, with the units it has left")
    public ActivityResponse get(@PathParam("id") long id) {
        return ActivityResponse.of(activities.find(new ActivityId(id)));
    }

    /** The buyer is the token's subject, never a body field. */
    @POST
    @Path("/{id}/purchase")
    @RolesAllowed(Roles.CUSTOMER)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "accepted; the order is PENDING until it is durable (Location)",
            headers = @Header(name = "Location", description = "the order, to poll until it is CONFIRMED or REJECTED",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PurchaseResponse")))
    @Operation(operationId = "purchase", summary = "Buy in a flash sale: accepted at once, durable shortly after")
    public CompletionStage<Response> purchase(@PathParam("id") long id, @NotNull @Valid PurchaseRequest request,
                                              @Context SecurityContext security) {
        return purchases.purchase(new ActivityId(id), Caller.of(security).userId(), request.quantity())
                .handle((receipt, refused) -> {
                    if (refused == null) {
                        return Response.accepted(PurchaseResponse.of(receipt))
                                .location(URI.create("/api/v1/seckill/orders/" + receipt.orderId()))
                                .build();
                    }
                    // answered here rather than rethrown: a sold-out stampede must not pay for exception wrapping
                    return DomainExceptionMapper.answerFailure(refused);
                });
    }

    @GET
    @Path("/{id}/reconciliation")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getReconciliation", summary = "Compare a sale's Redis and MySQL books (administrators)")
    public ReconciliationResponse reconciliation(@PathParam("id") long id) {
        return ReconciliationResponse.of(reconciliation.check(new ActivityId(id)));
    }

    /**
     * Pauses the sale, waits until the order writer drained the pipeline, rebuilds Redis from MySQL; off the HTTP
     * workers (the answer is written when it is done). 409 while another rebuild of the sale runs.
     */
    @POST
    @Path("/{id}/reconciliation/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "rebuilt; the reconciliation after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ReconciliationResponse")))
    @Operation(operationId = "rebuildSaleStock", summary = "Rebuild a sale's Redis stock from MySQL (administrators)")
    public CompletionStage<Response> rebuild(@PathParam("id") long id) {
        return maintenance.rebuild(new ActivityId(id)).handle((report, failed) -> failed == null
                ? Response.ok(ReconciliationResponse.of(report)).build()
                : DomainExceptionMapper.answerFailure(failed));
    }
}
