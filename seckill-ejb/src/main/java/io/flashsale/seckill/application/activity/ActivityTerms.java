package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityStatus;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;

import java.math.BigDecimal;
import java.time.Instant;

/** What the purchase hot path needs to know of an activity, cached per instance (see {@link ActivityCache}). */
public record ActivityTerms(ActivityId id, BigDecimal price, int perUserLimit, Instant startsAt, Instant endsAt,
                             boolean settled) {

    static ActivityTerms of(SeckillActivity activity) {
        return new ActivityTerms(activity.id(), activity.price(), activity.perUserLimit(), activity.startsAt(),
                activity.endsAt(), activity.settled());
    }

    /** Why the sale is closed at {@code now}, or null when it is open. */
    public ActivityStatus closedReason(Instant now) {
        ActivityStatus status = ActivityStatus.at(now, startsAt, endsAt, settled, 1);
        return status.onSale() ? null : status;
    }
}
