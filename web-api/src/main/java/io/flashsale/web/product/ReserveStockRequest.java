package io.flashsale.web.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The order id's format and the configured maximum quantity are checked by the product context. A class, not a
 * record, for the same reason as {@link CreateProductRequest}.
 */
public final class ReserveStockRequest {

    /** As the product context's ReservationId checks it. */
    static final String ORDER_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

    @NotNull
    @Schema(required = true)
    @Positive
    private final Integer quantity;

    @NotNull
    @Schema(required = true, pattern = ORDER_ID_PATTERN, description = "the caller's id for this reservation;"
            + " sending it again returns the same reservation")
    @JsonbProperty("order_id")
    private final String orderId;

    /** Optional: how long the units are held before they return to stock by themselves (at most the configured). */
    @Positive
    @Schema(description = "seconds until the units return to stock by themselves; at most, and by default,"
            + " flashsale.stock.reservation.max-hold-seconds (900)")
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
