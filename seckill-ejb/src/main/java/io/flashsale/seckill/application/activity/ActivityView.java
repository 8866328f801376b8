package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.domain.model.activity.SeckillActivity;

import java.math.BigDecimal;
import java.time.Instant;

public record ActivityView(long id, long productId, BigDecimal price, int stock, int remaining, int perUserLimit,
                           Instant startsAt, Instant endsAt, int paymentWindowSeconds, String status) {

    static ActivityView of(SeckillActivity activity, int remaining, Instant now) {
        return new ActivityView(activity.id().value(), activity.productId(), activity.price(), activity.stock(),
                remaining, activity.perUserLimit(), activity.startsAt(), activity.endsAt(),
                activity.paymentWindowSeconds(), activity.status(now, remaining).name());
    }
}
