package io.flashsale.product.domain.model.reservation;

import io.flashsale.shared.domain.InvalidInputException;

import java.util.regex.Pattern;

/** The caller's order id: the idempotency key of a reservation. 1-64 of [A-Za-z0-9_-]. */
public record ReservationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ReservationId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("order_id must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
