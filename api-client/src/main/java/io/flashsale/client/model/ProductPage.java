package io.flashsale.client.model;

import java.util.List;

public record ProductPage(List<Product> items, int page, int size, long total) {
}
