package io.flashsale.client.model;

public record Purchase(int quantity) {
}
