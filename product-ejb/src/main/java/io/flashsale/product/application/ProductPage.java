package io.flashsale.product.application;

import java.util.List;

/**
 * One page of the catalogue: by page number ({@code page} and {@code total} set) or after a product id (both null:
 * no offset walked, no table counted). {@code nextAfter}: the id to list after for the next page; null on the last.
 */
public record ProductPage(List<ProductView> items, Integer page, int size, Long total, Long nextAfter) {
}
