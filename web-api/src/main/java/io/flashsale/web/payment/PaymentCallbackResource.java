package io.flashsale.web.payment;

import io.flashsale.seckill.application.order.PaymentService;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.infrastructure.json.JsonFormat;
import io.flashsale.web.seckill.OrderResponse;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The payment provider's confirmation of a payment the buyer started. No bearer token: the provider signs the raw
 * body with the shared secret {@code flashsale.payment.callback-secret} (see {@link CallbackSignature}).
 */
@Path("/payments/callback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PaymentCallbackResource {

    @EJB
    PaymentService payments;

    @Inject
    @ConfigProperty(name = "flashsale.payment.callback-secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "flashsale.payment.callback-tolerance-seconds", defaultValue = "300")
    long toleranceSeconds;

    private CallbackSignature signature;

    @PostConstruct
    void keyed() {
        signature = secret.filter(s -> s.length() >= 32)
                .map(s -> new CallbackSignature(s, Duration.ofSeconds(toleranceSeconds))).orElse(null);
    }

    @POST
    @SecurityRequirement(name = "paymentSignature")
    @Operation(operationId = "paymentCallback",
            summary = "The payment provider confirms (or fails) a payment the buyer started",
            description = "Signed with HMAC-SHA256 over \"<t>.<body>\" in the header Payment-Signature: t=<unix"
                    + " seconds>,v1=<hex>. A signature outside the tolerance or seen before is refused.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PaymentCallback")))
    @APIResponse(responseCode = "200", description = "the order after the callback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "OrderResponse")))
    public OrderResponse callback(@HeaderParam("Payment-Signature") String signatureHeader, byte[] body) {
        if (signature == null) {
            throw new CallbacksNotConfiguredException();
        }
        String verified = signature.verify(signatureHeader, body == null ? new byte[0] : body, Instant.now())
                .orElseThrow(InvalidSignatureException::new);
        PaymentCallbackRequest callback = JsonFormat.fromJson(new String(body, StandardCharsets.UTF_8),
                PaymentCallbackRequest.class);
        if (callback == null || callback.paymentReference() == null || callback.amount() == null
                || !("succeeded".equals(callback.outcome()) || "failed".equals(callback.outcome()))) {
            throw new InvalidInputException("a callback has order_id, payment_reference, amount and outcome"
                    + " (succeeded or failed)");
        }
        return OrderResponse.of(payments.confirmByProvider(verified, new OrderId(callback.orderId()),
                callback.paymentReference(), callback.amount(), "succeeded".equals(callback.outcome())));
    }

    static final class InvalidSignatureException extends DomainException {
        InvalidSignatureException() {
            super(Kind.UNAUTHENTICATED, "invalid-signature", "the Payment-Signature header is missing, wrong or"
                    + " outside the allowed clock skew");
        }
    }

    static final class CallbacksNotConfiguredException extends DomainException {
        CallbacksNotConfiguredException() {
            super(Kind.UNAVAILABLE, "payments-not-configured", "no payment callback secret is configured"
                    + " (flashsale.payment.callback-secret, at least 32 characters)");
        }
    }
}
