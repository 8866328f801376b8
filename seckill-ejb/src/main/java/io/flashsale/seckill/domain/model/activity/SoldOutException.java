package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

public class SoldOutException extends DomainException {

    public SoldOutException(ActivityId activity) {
        super(Kind.CONFLICT, "sold-out", "activity " + activity + " is sold out");
    }
}
