package io.flashsale.web.seckill;

import io.flashsale.seckill.application.order.OrderView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "OrderResponse")
public record OrderResponse(
        String orderId,
        @Schema(type = SchemaType.INTEGER, format = "int64") long activityId,
        @Schema(type = SchemaType.INTEGER, format = "int64") long userId,
        int quantity,
        BigDecimal price,
        @Schema(enumeration = {"PENDING", "CONFIRMED", "REJECTED", "PAID", "CANCELLED"}) String status,
        String createdAt,
        @Schema(description = "Only on a REJECTED order: why the purchase could not be made durable; its units"
                + " were released and the buyer may buy again.",
                enumeration = {"sale-settled", "units-unavailable", "buyer-has-live-order", "unwritable"},
                nullable = true)
        String rejectionReason) {

    public static OrderResponse of(OrderView view) {
        return new OrderResponse(view.orderId(), view.activityId(), view.userId(), view.quantity(), view.price(),
                view.status(), view.createdAt().toString(), view.rejectionReason());
    }
}
