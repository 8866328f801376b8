package io.flashsale.client.model;

public record User(long id, String username, String role) {
}
