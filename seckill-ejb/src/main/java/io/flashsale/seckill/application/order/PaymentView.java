package io.flashsale.seckill.application.order;

import io.flashsale.seckill.domain.model.order.SeckillOrder;

import java.math.BigDecimal;

/** A started payment: what the buyer hands to the payment provider. */
public record PaymentView(String orderId, String paymentReference, BigDecimal amount, String status) {

    static PaymentView of(SeckillOrder order) {
        return new PaymentView(order.orderId().value(), order.paymentReference().orElse(null), order.amount(),
                order.status().name());
    }
}
