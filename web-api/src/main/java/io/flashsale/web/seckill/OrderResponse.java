package io.flashsale.web.seckill;

import io.flashsale.seckill.application.OrderView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "OrderResponse")
public record OrderResponse(String orderId, long activityId, long userId, int quantity, BigDecimal price,
                            String status, String createdAt) {

    static OrderResponse of(OrderView view) {
        return new OrderResponse(view.orderId(), view.activityId(), view.userId(), view.quantity(), view.price(),
                view.status(), view.createdAt().toString());
    }
}
