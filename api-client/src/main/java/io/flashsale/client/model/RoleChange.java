package io.flashsale.client.model;

/** {@code CUSTOMER} or {@code ADMIN}. */
public record RoleChange(String role) {
}
