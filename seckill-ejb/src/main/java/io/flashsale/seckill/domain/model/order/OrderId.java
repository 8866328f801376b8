package io.flashsale.seckill.domain.model.order;

import io.flashsale.shared.domain.InvalidInputException;

import java.util.UUID;

public record OrderId(String value) {

    public OrderId {
        try {
            value = UUID.fromString(value).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("an order id is a UUID");
        }
    }

    public static OrderId next() {
        return new OrderId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
