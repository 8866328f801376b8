package io.flashsale.client.model;

import java.math.BigDecimal;

/** {@code description} may be null. */
public record NewProduct(String name, String description, BigDecimal price, int stock) {
}
