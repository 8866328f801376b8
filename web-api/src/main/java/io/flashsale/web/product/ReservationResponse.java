package io.flashsale.web.product;

import io.flashsale.product.application.reservation.ReservationView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code expires_at}: when the units return to stock unless released before (RFC 3339). */
@Schema(name = "ReservationResponse")
public record ReservationResponse(
        String orderId,
        @Schema(type = SchemaType.INTEGER, format = "int64") long productId,
        int quantity,
        int remainingStock,
        String strategy,
        String expiresAt) {

    static ReservationResponse of(ReservationView view) {
        return new ReservationResponse(view.orderId(), view.productId(), view.quantity(), view.remainingStock(),
                view.strategy(), view.expiresAt() == null ? null : view.expiresAt().toString());
    }
}
