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

    /** Optional: how long the units are held before they return to stock by themselves (at most the configured). */
    @Positive
    @JsonbProperty("hold_seconds")
    private final Integer holdSeconds;

    @JsonbCreator
    public ReserveStockRequest(@JsonbProperty("quantity") Integer quantity,
                               @JsonbProperty("order_id") String orderId,
                               @JsonbProperty("hold_seconds") Integer holdSeconds) {
        this.quantity = quantity;
        this.orderId = orderId;
        this.holdSeconds = holdSeconds;
    }

    public Integer holdSeconds() {
        return holdSeconds;
    }

    public Integer quantity() {
        return quantity;
    }

    public String orderId() {
        return orderId;
    }
}
