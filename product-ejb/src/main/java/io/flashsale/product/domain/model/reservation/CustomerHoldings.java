package io.flashsale.product.domain.model.reservation;

import io.flashsale.product.domain.model.Quantity;

/** Counts the units each customer holds in open reservations; both calls join the caller's transaction. */
public interface CustomerHoldings {

    /** Adds {@code units} to what the customer holds unless that would exceed {@code limit}; false then. */
    boolean take(CustomerId customer, Quantity units, int limit);

    /** The units of a reservation that ended (released or expired). */
    void giveBack(CustomerId customer, Quantity units);

    int held(CustomerId customer);
}
