package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.DomainException;

import java.util.Map;

public class AlreadyPurchasedException extends DomainException {

    private final String orderId;

    public AlreadyPurchasedException(ActivityId activity, String orderId) {
        super(Kind.CONFLICT, "already-purchased", "you already bought in activity " + activity);
        this.orderId = orderId;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("order_id", orderId);
    }
}
