package io.flashsale.product.application.reservation;

import io.flashsale.shared.domain.DomainException;

/** The customer already holds as many units as one customer may; they come back when released or expired. */
public class ReservationLimitException extends DomainException {

    public ReservationLimitException(int limit) {
        super(Kind.CONFLICT, "reservation-limit", "a customer may hold at most " + limit
                + " units in open reservations; release one or wait until one expires");
    }
}
