package io.flashsale.web.product;

public record StockResponse(long productId, int stock) {
}
