package io.flashsale.client.model;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code rejectionReason} is set only on a REJECTED order. */
public record Order(String orderId, long activityId, long userId, int quantity, BigDecimal price, String status,
                    Instant createdAt, String rejectionReason) {
}
