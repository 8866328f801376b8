package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

/** As many purchases as allowed are in flight on this instance: one more is turned away at once (503, Retry-After). */
public class PurchasesOverloadedException extends DomainException {

    public PurchasesOverloadedException() {
        super(Kind.UNAVAILABLE, "overloaded", "too many purchases in progress; retry shortly");
    }
}
