package io.flashsale.seckill.domain.model.activity;

import java.time.Instant;

public enum ActivityStatus {
    SCHEDULED, ACTIVE, SOLD_OUT, ENDED;

    /**
     * The one rule of a sale's window, for the activity and for the terms the hot path caches: on sale from its start
     * (inclusive) to its end (exclusive), unless settled.
     */
    public static ActivityStatus at(Instant now, Instant startsAt, Instant endsAt, boolean settled, int unitsLeft) {
        if (settled || !now.isBefore(endsAt)) {
            return ENDED;
        }
        if (now.isBefore(startsAt)) {
            return SCHEDULED;
        }
        return unitsLeft <= 0 ? SOLD_OUT : ACTIVE;
    }

    public boolean onSale() {
        return this == ACTIVE || this == SOLD_OUT;
    }
}
