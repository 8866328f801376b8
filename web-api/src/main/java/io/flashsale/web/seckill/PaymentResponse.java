package io.flashsale.web.seckill;

import io.flashsale.seckill.application.order.PaymentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A started payment: the buyer pays {@code amount} at the payment provider under {@code payment_reference}. */
@Schema(name = "PaymentResponse")
public record PaymentResponse(String orderId,
                              @Schema(nullable = true, description = "absent when an administrator marked the"
                                      + " order paid without a payment") String paymentReference,
                              BigDecimal amount,
                              @Schema(enumeration = {"CONFIRMED", "PAID"}) String status) {

    static PaymentResponse of(PaymentView view) {
        return new PaymentResponse(view.orderId(), view.paymentReference(), view.amount(), view.status());
    }
}
