package io.flashsale.client.model;

import java.util.List;

/**
 * A page of the catalogue. {@code page} and {@code total} come with a page asked for by number and are null after a
 * product id; {@code nextAfter} is the id to ask after for the next page, null on the last one.
 */
public record ProductPage(List<Product> items, Integer page, int size, Long total, Long nextAfter) {
}
