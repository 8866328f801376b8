package io.flashsale.product.domain.model.stock;

import java.time.Instant;

/** The value of StockReserved and StockReleased on topic product.stock (the type travels in the event_type header). */
public record StockEvent(String eventId, long productId, String orderId, int quantity, int remainingStock,
                         Instant occurredAt) {

    public static final String RESERVED = "StockReserved";
    public static final String RELEASED = "StockReleased";
}
