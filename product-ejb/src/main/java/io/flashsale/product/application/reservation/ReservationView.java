package io.flashsale.product.application.reservation;

public record ReservationView(String orderId, long productId, int quantity, int remainingStock, String strategy) {
}
