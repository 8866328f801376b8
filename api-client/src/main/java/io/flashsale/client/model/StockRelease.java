package io.flashsale.client.model;

public record StockRelease(String orderId) {
}
