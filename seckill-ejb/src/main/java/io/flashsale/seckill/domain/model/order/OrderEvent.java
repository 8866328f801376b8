package io.flashsale.seckill.domain.model.order;

import java.math.BigDecimal;
import java.time.Instant;

/** Payload of OrderConfirmed, OrderPaid, OrderCancelled and OrderRejected on topic seckill.orders. */
public record OrderEvent(String eventId, String orderId, long activityId, long userId, int quantity,
                         BigDecimal price, String status, Instant occurredAt) {

    public static final String CONFIRMED = "OrderConfirmed";
    public static final String PAID = "OrderPaid";
    public static final String CANCELLED = "OrderCancelled";
    public static final String REJECTED = "OrderRejected";
}
