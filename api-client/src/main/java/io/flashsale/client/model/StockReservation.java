package io.flashsale.client.model;

/**
 * Units to hold for the caller's own order id (sending the same id again returns the same reservation);
 * {@code holdSeconds} may be null for the server's maximum.
 */
public record StockReservation(int quantity, String orderId, Integer holdSeconds) {
}
