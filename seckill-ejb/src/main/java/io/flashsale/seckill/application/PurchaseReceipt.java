package io.flashsale.seckill.application;

public record PurchaseReceipt(String orderId, String status) {
}
