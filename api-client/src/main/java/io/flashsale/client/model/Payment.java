package io.flashsale.client.model;

import java.math.BigDecimal;

/** A started payment: pay {@code amount} at the payment provider under {@code paymentReference}. */
public record Payment(String orderId, String paymentReference, BigDecimal amount, String status) {
}
