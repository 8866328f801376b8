package io.flashsale.web.seckill;

import io.flashsale.web.auth.Caller;
import io.flashsale.seckill.application.OrderLifecycleService;
import io.flashsale.seckill.application.OrderQueryService;
import io.flashsale.seckill.application.OrderView;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderStatus;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/seckill/orders")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class OrderResource {

    @EJB
    OrderQueryService orders;

    @EJB
    OrderLifecycleService lifecycle;


    /** Owner or ADMIN; anyone else gets the same 404 as for an order that does not exist. */
    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    public OrderResponse get(@PathParam("orderId") String orderId, @Context SecurityContext security) {
        OrderView order = orders.find(new OrderId(orderId))
                .orElseThrow(() -> new NotFoundException("order", orderId));
        boolean owner = order.userId() == Caller.of(security).userId();
        if (!owner && !security.isUserInRole(Roles.ADMIN)) {
            throw new NotFoundException("order", orderId);
        }
        return OrderResponse.of(order);
    }

    @POST
    @Path("/{orderId}/pay")
    @RolesAllowed(Roles.CUSTOMER)
    @SecurityRequirement(name = "bearer")
    public OrderResponse pay(@PathParam("orderId") String orderId, @Context SecurityContext security) {
        OrderId id = new OrderId(orderId);
        long payer = Caller.of(security).userId();
        OrderView order = orders.find(id).filter(o -> o.userId() == payer)
                .orElseThrow(() -> new NotFoundException("order", orderId));
        if (OrderStatus.PENDING.name().equals(order.status())) {
            throw new OrderPendingException(orderId);
        }
        return OrderResponse.of(lifecycle.pay(id, payer));
    }

    static final class OrderPendingException extends DomainException {
        OrderPendingException(String orderId) {
            super(Kind.CONFLICT, "order-pending", "order " + orderId + " is not confirmed yet; retry in a moment");
        }
    }
}
