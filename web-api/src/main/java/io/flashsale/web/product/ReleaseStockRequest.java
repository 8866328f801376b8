package io.flashsale.web.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

public record ReleaseStockRequest(
        @NotNull @Schema(required = true, pattern = ReserveStockRequest.ORDER_ID_PATTERN) String orderId) {
}
