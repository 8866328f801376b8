package io.flashsale.client.model;

public record Release(String orderId, int releasedQuantity, int remainingStock) {
}
