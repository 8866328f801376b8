package io.flashsale.product.application.reservation;

import io.flashsale.product.domain.model.reservation.CustomerId;

import java.time.Instant;

/** A customer's reservation: whose it is, when its units come back by themselves, and how much one may hold. */
record HoldTerms(CustomerId customer, Instant expiresAt, int heldUnitsLimit) {
}
