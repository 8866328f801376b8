package io.flashsale.product.domain.model.reservation;

/** RESERVED is the only state a reservation leaves: each of the others is final. */
public enum ReservationStatus { RESERVED, RELEASED, SETTLED, EXPIRED }
