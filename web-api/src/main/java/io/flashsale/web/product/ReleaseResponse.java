package io.flashsale.web.product;

import io.flashsale.product.application.reservation.ReleaseView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReleaseResponse")
public record ReleaseResponse(String orderId, int releasedQuantity, int remainingStock) {

    static ReleaseResponse of(ReleaseView view) {
        return new ReleaseResponse(view.orderId(), view.releasedQuantity(), view.remainingStock());
    }
}
