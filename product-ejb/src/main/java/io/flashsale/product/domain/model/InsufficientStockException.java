package io.flashsale.product.domain.model;

import io.flashsale.shared.domain.DomainException;

import java.util.Map;

public class InsufficientStockException extends DomainException {

    private final int available;

    public InsufficientStockException(Quantity requested, int available) {
        super(Kind.CONFLICT, "insufficient-stock",
                requested.value() + " units requested, " + available + " available");
        this.available = available;
    }

    public int available() {
        return available;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("available", available);
    }
}
