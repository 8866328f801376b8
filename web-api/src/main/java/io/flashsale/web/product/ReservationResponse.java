package io.flashsale.web.product;

import io.flashsale.product.application.reservation.ReservationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReservationResponse")
public record ReservationResponse(String orderId, long productId, int quantity, int remainingStock, String strategy) {

    static ReservationResponse of(ReservationView view) {
        return new ReservationResponse(view.orderId(), view.productId(), view.quantity(), view.remainingStock(),
                view.strategy());
    }
}
