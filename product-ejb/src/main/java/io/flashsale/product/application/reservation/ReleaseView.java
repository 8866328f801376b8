package io.flashsale.product.application.reservation;

public record ReleaseView(String orderId, int releasedQuantity, int remainingStock) {
}
