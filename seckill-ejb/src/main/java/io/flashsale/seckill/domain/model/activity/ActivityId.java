package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.NotFoundException;

public record ActivityId(long value) {

    public ActivityId {
        if (value <= 0) {
            throw new NotFoundException("activity", value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
