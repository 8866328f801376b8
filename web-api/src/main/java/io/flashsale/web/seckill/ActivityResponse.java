package io.flashsale.web.seckill;

import io.flashsale.seckill.application.activity.ActivityView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The wire form of a sale (what /openapi describes; times as RFC 3339 strings). */
@Schema(name = "ActivityResponse")
public record ActivityResponse(
        @Schema(type = SchemaType.INTEGER, format = "int64") long id,
        @Schema(type = SchemaType.INTEGER, format = "int64") long productId,
        BigDecimal price,
        int stock,
        int remaining,
        int perUserLimit,
        String startsAt,
        String endsAt,
        int paymentWindowSeconds,
        String status) {

    static ActivityResponse of(ActivityView view) {
        return new ActivityResponse(view.id(), view.productId(), view.price(), view.stock(), view.remaining(),
                view.perUserLimit(), view.startsAt().toString(), view.endsAt().toString(),
                view.paymentWindowSeconds(), view.status());
    }
}
