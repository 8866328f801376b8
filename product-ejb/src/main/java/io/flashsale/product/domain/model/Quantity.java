package io.flashsale.product.domain.model;

/** A positive number of units. */
public record Quantity(int value) {

    public Quantity {
        if (value <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
