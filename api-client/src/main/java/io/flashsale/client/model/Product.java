package io.flashsale.client.model;

import java.math.BigDecimal;

/** {@code description} is null when the product has none. */
public record Product(long id, String name, String description, BigDecimal price, int stock) {
}
