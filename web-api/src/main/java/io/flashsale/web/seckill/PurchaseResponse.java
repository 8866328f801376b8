package io.flashsale.web.seckill;

import io.flashsale.seckill.application.PurchaseReceipt;

public record PurchaseResponse(String orderId, String status) {

    static PurchaseResponse of(PurchaseReceipt receipt) {
        return new PurchaseResponse(receipt.orderId(), receipt.status());
    }
}
