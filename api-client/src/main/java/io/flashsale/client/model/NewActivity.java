package io.flashsale.client.model;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code paymentWindowSeconds} may be null for the server's default. */
public record NewActivity(long productId, BigDecimal price, int stock, int perUserLimit, Instant startsAt,
                      Instant endsAt, Integer paymentWindowSeconds) {
}
