package io.flashsale.product.domain.model;

public record ProductId(long value) {

    public ProductId {
        if (value <= 0) {
            throw new IllegalArgumentException("product id must be positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
