package io.flashsale.web.product;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The order id's format and the configured maximum quantity are checked by the product context. A class, not a
 * record, for the same reason as {@link CreateProductRequest}.
 */
public final class ReserveStockRequest {

    @NotNull
    @Positive
    private final Integer quantity;

    @NotNull
    @JsonbProperty("order_id")
    private final String orderId;

    @JsonbCreator
    public ReserveStockRequest(@JsonbProperty("quantity") Integer quantity,
                               @JsonbProperty("order_id") String orderId) {
        this.quantity = quantity;
        this.orderId = orderId;
    }

    public Integer quantity() {
        return quantity;
    }

    public String orderId() {
        return orderId;
    }
}
