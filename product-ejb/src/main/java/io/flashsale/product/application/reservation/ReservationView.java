package io.flashsale.product.application.reservation;

import io.flashsale.product.domain.model.reservation.Reservation;

import java.time.Instant;

/** {@code expiresAt} is null for a flash sale's reservation. */
public record ReservationView(String orderId, long productId, int quantity, int remainingStock, String strategy,
                              Instant expiresAt) {

    static ReservationView of(Reservation reservation, int remainingStock) {
        return new ReservationView(reservation.id().value(), reservation.productId().value(),
                reservation.quantity().value(), remainingStock, reservation.strategy(),
                reservation.expiresAt().orElse(null));
    }
}
