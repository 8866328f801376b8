package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

/** The sale's Redis copy is being prepared or rebuilt; nothing was taken and a retry shortly will work. */
public class ActivityNotReadyException extends DomainException {

    public ActivityNotReadyException(ActivityId activity) {
        super(Kind.UNAVAILABLE, "sale-not-ready", "activity " + activity + " is being prepared; retry shortly");
    }
}
