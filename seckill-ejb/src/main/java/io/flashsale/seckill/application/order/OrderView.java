package io.flashsale.seckill.application.order;

import io.flashsale.seckill.domain.model.order.RejectionReason;
import io.flashsale.seckill.domain.model.order.SeckillOrder;

import java.math.BigDecimal;
import java.time.Instant;

public record OrderView(String orderId, long activityId, long userId, int quantity, BigDecimal price, String status,
                        Instant createdAt, String rejectionReason) {

    static OrderView of(SeckillOrder order) {
        return new OrderView(order.orderId().value(), order.activityId(), order.userId(), order.quantity(),
                order.price(), order.status().name(), order.createdAt(),
                order.rejectionReason().map(RejectionReason::code).orElse(null));
    }
}
