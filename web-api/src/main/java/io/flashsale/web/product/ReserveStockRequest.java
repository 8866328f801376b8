package io.flashsale.web.product;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The order id's format and the configured maximum quantity are checked by the product context. */
public record ReserveStockRequest(@NotNull @Positive Integer quantity, @NotNull String orderId) {
}
