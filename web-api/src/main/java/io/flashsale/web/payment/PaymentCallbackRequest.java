package io.flashsale.web.payment;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** What the payment provider reports about a payment the buyer started. */
@Schema(name = "PaymentCallback")
public record PaymentCallbackRequest(
        @Schema(required = true) String orderId,
        @Schema(required = true, description = "as answered to the buyer's POST .../pay") String paymentReference,
        @Schema(required = true) BigDecimal amount,
        @Schema(required = true, enumeration = {"succeeded", "failed"}) String outcome) {

    @JsonbCreator
    public PaymentCallbackRequest(@JsonbProperty("order_id") String orderId,
                                  @JsonbProperty("payment_reference") String paymentReference,
                                  @JsonbProperty("amount") BigDecimal amount,
                                  @JsonbProperty("outcome") String outcome) {
        this.orderId = orderId;
        this.paymentReference = paymentReference;
        this.amount = amount;
        this.outcome = outcome;
    }
}
