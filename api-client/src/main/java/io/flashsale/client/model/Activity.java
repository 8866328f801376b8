package io.flashsale.client.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A flash sale ("seckill activity") and the units it has left. */
public record Activity(long id, long productId, BigDecimal price, int stock, int remaining, int perUserLimit,
                   Instant startsAt, Instant endsAt, int paymentWindowSeconds, String status) {
}
