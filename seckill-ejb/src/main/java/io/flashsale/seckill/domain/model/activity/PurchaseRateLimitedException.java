package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

public class PurchaseRateLimitedException extends DomainException {

    public PurchaseRateLimitedException() {
        super(Kind.RATE_LIMITED, "rate-limited", "too many purchase requests; slow down");
    }
}
