package io.flashsale.user.domain.model;

public record UserId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
