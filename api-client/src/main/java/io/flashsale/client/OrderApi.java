package io.flashsale.client;

import io.flashsale.client.model.Order;
import io.flashsale.client.model.Payment;
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

/** The caller's orders. */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/seckill/orders")
public interface OrderApi {

    @GET
    @Path("/{orderId}")
    Order getOrder(@PathParam("orderId") String orderId);

    /** A buyer starts paying a CONFIRMED order; an administrator marks it paid. */
    @POST
    @Path("/{orderId}/pay")
    Payment startPayment(@PathParam("orderId") String orderId);
}
