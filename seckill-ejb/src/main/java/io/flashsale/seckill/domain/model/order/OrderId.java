package io.flashsale.seckill.domain.model.order;

import java.util.UUID;

public record OrderId(String value) {

    public OrderId {
        UUID.fromString(value);
    }

    public static OrderId next() {
        return new OrderId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
