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
        this(kind, type, message, null);
    }

    /**
     * Only an unavailable service is a failure worth a stack trace; the other kinds are answers (sold out, already
     * purchased, not found...), thrown by the thousand in a stampede, where filling a stack trace costs more than the
     * answer.
     */
    protected DomainException(Kind kind, String type, String message, Throwable cause) {
        super(message, cause, true, kind == Kind.UNAVAILABLE);
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
