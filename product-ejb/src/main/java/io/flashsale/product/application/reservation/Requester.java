package io.flashsale.product.application.reservation;

import io.flashsale.product.domain.model.reservation.CustomerId;
import io.flashsale.product.domain.model.reservation.Reservation;

/** Who asks for a reservation or its release: a customer acts on their own, an administrator on any customer's. */
public record Requester(CustomerId customer, boolean administrator) {

    boolean mayActOn(Reservation reservation) {
        return reservation.customer().isPresent() && (administrator || reservation.belongsTo(customer));
    }
}
