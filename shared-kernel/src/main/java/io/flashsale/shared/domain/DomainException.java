package io.flashsale.shared.domain;

import jakarta.ejb.ApplicationException;

import java.util.Map;

/**
 * A business rule said no. The interface layer turns it into a problem+json answer; {@link #kind()} decides the
 * status, {@link #type()} is the stable problem type slug clients switch on.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;
    private final String type;

    protected DomainException(Kind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    /** Seconds after which a retry may succeed; sent as {@code Retry-After} for RATE_LIMITED and UNAVAILABLE. */
    public long retryAfterSeconds() {
        return 1;
    }

    /** Extra members of the problem document, e.g. {@code available} for insufficient stock. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
