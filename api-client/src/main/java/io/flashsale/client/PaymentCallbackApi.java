package io.flashsale.client;

import io.flashsale.client.model.Order;
import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;

/**
 * For the payment provider: {@code body} is sent exactly as signed, {@code signature} is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the shared callback secret.
 */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/payments/callback")
public interface PaymentCallbackApi {

    @POST
    Order paymentCallback(@HeaderParam("Payment-Signature") String signature, String body);
}
