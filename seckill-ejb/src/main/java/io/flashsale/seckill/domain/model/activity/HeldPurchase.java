package io.flashsale.seckill.domain.model.activity;

import io.flashsale.seckill.domain.model.order.OrderId;

import java.time.Instant;

/**
 * A purchase the stock cache accepted and still holds units for; {@code claimed} once the order writer took it (the
 * order is then durable or about to be).
 */
public record HeldPurchase(OrderId orderId, long userId, int quantity, Instant acceptedAt, boolean claimed) {
}
