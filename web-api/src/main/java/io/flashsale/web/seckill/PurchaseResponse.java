package io.flashsale.web.seckill;

import io.flashsale.seckill.application.purchase.PurchaseReceipt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurchaseResponse")
public record PurchaseResponse(String orderId, String status) {

    static PurchaseResponse of(PurchaseReceipt receipt) {
        return new PurchaseResponse(receipt.orderId(), receipt.status());
    }
}
