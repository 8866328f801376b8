package io.flashsale.web.product;

import jakarta.validation.constraints.NotNull;

public record ReleaseStockRequest(@NotNull String orderId) {
}
