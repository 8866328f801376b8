package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

public class ActivityNotActiveException extends DomainException {

    public ActivityNotActiveException(ActivityId activity, ActivityStatus status) {
        super(Kind.CONFLICT, "activity-not-active", "activity " + activity + " is " + status);
    }
}
