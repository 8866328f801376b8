package io.flashsale.client.model;

/** The order is PENDING until it is durable; read it with {@code getOrder(orderId)}. */
public record PurchaseAccepted(String orderId, String status) {
}
