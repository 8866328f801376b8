package io.flashsale.seckill.domain.model.order;

import java.math.BigDecimal;
import java.time.Instant;

/** The event that carries an accepted purchase from the purchase endpoint to the order writer. */
public record SeckillPurchase(String eventId, String orderId, long activityId, long userId, int quantity,
                              BigDecimal price, Instant occurredAt) {

    public static final String TYPE = "SeckillPurchase";
}
