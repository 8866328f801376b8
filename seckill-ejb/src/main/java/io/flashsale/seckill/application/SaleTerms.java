package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityStatus;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;

import java.math.BigDecimal;
import java.time.Instant;

/** What the purchase hot path needs to know of an activity, cached per instance (see {@link SaleCatalog}). */
public record SaleTerms(ActivityId id, BigDecimal price, int perUserLimit, Instant startsAt, Instant endsAt,
                        boolean settled) {

    static SaleTerms of(SeckillActivity activity) {
        return new SaleTerms(activity.id(), activity.price(), activity.perUserLimit(), activity.startsAt(),
                activity.endsAt(), activity.settled());
    }

    /** Why the sale is closed at {@code now}, or null when it is open. */
    ActivityStatus closedReason(Instant now) {
        if (settled || !now.isBefore(endsAt)) {
            return ActivityStatus.ENDED;
        }
        return now.isBefore(startsAt) ? ActivityStatus.SCHEDULED : null;
    }
}
