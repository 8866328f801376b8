package io.flashsale.product.domain.model.reservation;

/** The user a reservation made over HTTP belongs to: the subject of the caller's token. */
public record CustomerId(long value) {

    public CustomerId {
        if (value <= 0) {
            throw new IllegalArgumentException("a customer id is positive");
        }
    }
}
