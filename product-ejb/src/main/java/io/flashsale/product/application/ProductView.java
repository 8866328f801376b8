package io.flashsale.product.application;

import io.flashsale.product.domain.model.Product;

import java.math.BigDecimal;

/** What callers outside the product context see of a product. */
public record ProductView(long id, String name, String description, BigDecimal price, int stock) {

    static ProductView of(Product product) {
        return new ProductView(product.id().value(), product.name(), product.description(), product.price(),
                product.stock());
    }
}
