package io.flashsale.seckill.application.purchase;

public record PurchaseReceipt(String orderId, String status) {
}
