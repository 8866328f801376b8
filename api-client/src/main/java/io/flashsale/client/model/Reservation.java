package io.flashsale.client.model;

import java.time.Instant;

public record Reservation(String orderId, long productId, int quantity, int remainingStock, String strategy,
                          Instant expiresAt) {
}
