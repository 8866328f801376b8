package io.flashsale.product.domain.model.reservation;

public enum ReservationStatus { RESERVED, RELEASED, SETTLED }
