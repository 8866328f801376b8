package io.flashsale.web.seckill;

import io.flashsale.seckill.application.order.OrderQueryService;
import io.flashsale.seckill.application.order.OrderView;
import io.flashsale.seckill.application.order.PaymentService;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderStatus;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.web.Roles;
import io.flashsale.web.auth.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/seckill/orders")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class OrderResource {

    // @EJB: a session bean of an EJB module of the EAR (this is the WAR); EJB references resolve across modules
    @EJB
    OrderQueryService orders;

    @EJB
    PaymentService payments;


    /** Owner or ADMIN; anyone else gets the same 404 as for an order that does not exist. */
    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getOrder",
            summary = "One of the caller's orders")
    public OrderResponse get(@PathParam("orderId") String orderId, @Context SecurityContext security) {
        OrderView order = orders.find(new OrderId(orderId))
                .orElseThrow(() -> new NotFoundException("order", orderId));
        boolean owner = order.userId() == Caller.of(security).userId();
        if (!owner && !security.isUserInRole(Roles.ADMIN)) {
            throw new NotFoundException("order", orderId);
        }
        return OrderResponse.of(order);
    }

    /**
     * The buyer starts a payment (202: it is paid when the payment provider confirms it); an administrator confirms
     * a payment made some other way (200, PAID).
     */
    @POST
    @Path("/{orderId}/pay")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "202", description = "the buyer's payment started: pay amount under"
            + " payment_reference at the payment provider, whose signed callback makes the order PAID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PaymentResponse")))
    @APIResponse(responseCode = "200", description = "an administrator confirmed the payment: the order, PAID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "OrderResponse")))
    @Operation(operationId = "startPayment",
            summary = "Start paying a confirmed order (or, as administrator, mark it paid)")
    public Response pay(@PathParam("orderId") String orderId, @Context SecurityContext security) {
        OrderId id = new OrderId(orderId);
        if (security.isUserInRole(Roles.ADMIN)) {
            return Response.ok(OrderResponse.of(payments.confirmByAdministrator(id))).build();
        }
        long buyer = Caller.of(security).userId();
        OrderView order = orders.find(id).filter(o -> o.userId() == buyer)
                .orElseThrow(() -> new NotFoundException("order", orderId));
        if (OrderStatus.PENDING.name().equals(order.status())) {
            throw new OrderPendingException(orderId);
        }
        return Response.accepted(PaymentResponse.of(payments.start(id, buyer))).build();
    }

    static final class OrderPendingException extends DomainException {
        OrderPendingException(String orderId) {
            super(Kind.CONFLICT, "order-pending", "order " + orderId + " is not confirmed yet; retry in a moment");
        }
    }
}
