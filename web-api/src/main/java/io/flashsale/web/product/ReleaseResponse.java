package io.flashsale.web.product;

import io.flashsale.product.application.reservation.ReleaseView;

public record ReleaseResponse(String orderId, int releasedQuantity, int remainingStock) {

    static ReleaseResponse of(ReleaseView view) {
        return new ReleaseResponse(view.orderId(), view.releasedQuantity(), view.remainingStock());
    }
}
