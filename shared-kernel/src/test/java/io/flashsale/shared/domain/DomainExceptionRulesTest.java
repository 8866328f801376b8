package io.flashsale.shared.domain;

import jakarta.ejb.ApplicationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract the problem mapping relies on: kind, type, message, Retry-After, details. */
class DomainExceptionRulesTest {

    @Test
    void theSharedRefusalsSayWhatAndWhy() {
        NotFoundException notFound = new NotFoundException("order", 7);
        assertEquals(DomainException.Kind.NOT_FOUND, notFound.kind());
        assertEquals("not-found", notFound.type());
        assertEquals("order 7 does not exist", notFound.getMessage());

        InvalidInputException invalid = new InvalidInputException("quantity must be between 1 and 2");
        assertEquals(DomainException.Kind.INVALID, invalid.kind());
        assertEquals("invalid-input", invalid.type());

        ContentionException contention = new ContentionException("product 3 is busy");
        assertEquals(DomainException.Kind.CONFLICT, contention.kind());
        assertEquals("contention", contention.type());
        assertEquals("product 3 is busy", contention.getMessage());
    }

    @Test
    void anUnavailableServiceIsNamedAndKeepsItsCauseForTheLog() {
        IOException refused = new IOException("Connection refused: redis.internal/10.0.0.7:6379");
        ServiceUnavailableException unavailable = new ServiceUnavailableException("redis", refused);
        assertEquals(DomainException.Kind.UNAVAILABLE, unavailable.kind());
        assertEquals("service-unavailable", unavailable.type());
        assertEquals("redis is unavailable", unavailable.getMessage());
        assertSame(refused, unavailable.getCause());
    }

    @Test
    void aRetryComesAfterOneSecondAndNoDetailsUnlessARefusalSaysOtherwise() {
        DomainException refusal = new NotFoundException("order", 7);
        assertEquals(1, refusal.retryAfterSeconds());
        assertEquals(Map.of(), refusal.details());
    }

    /** Refusals are thrown by the thousand in a stampede: only an unavailable service pays for a stack trace. */
    @Test
    void onlyAnUnavailableServiceHasAStackTrace() {
        assertEquals(0, new NotFoundException("order", 7).getStackTrace().length);
        assertEquals(0, new ContentionException("busy").getStackTrace().length);
        assertEquals(0, new InvalidInputException("no").getStackTrace().length);
        StackTraceElement[] trace = new ServiceUnavailableException("kafka", null).getStackTrace();
        assertEquals("onlyAnUnavailableServiceHasAStackTrace", trace[0].getMethodName());
    }

    /**
     * An EJB passes a refusal to its caller as it is, and rolls its transaction back. The annotation is not a Java
     * {@code @Inherited} one: its {@code inherited} element is what makes the container apply it to the subclasses.
     */
    @Test
    void aRefusalIsAnApplicationExceptionThatRollsBack() {
        ApplicationException declared = DomainException.class.getAnnotation(ApplicationException.class);
        assertTrue(declared.rollback());
        assertTrue(declared.inherited());
    }
}
