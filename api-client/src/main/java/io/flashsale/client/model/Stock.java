package io.flashsale.client.model;

public record Stock(long productId, int stock) {
}
