package io.flashsale.client.model;

import java.util.List;

/**
 * An RFC 9457 problem as the API answers every error; switch on {@code type} (e.g. {@code /problems/sold-out}).
 * {@code available} is set on insufficient-stock, {@code orderId} on already-purchased, {@code violations} on
 * invalid-input.
 */
public record Problem(String type, String title, int status, String detail, Integer available, String orderId,
                      List<Violation> violations) {

    public record Violation(String field, String message) {
    }
}
