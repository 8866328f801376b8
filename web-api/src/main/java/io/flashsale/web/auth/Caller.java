package io.flashsale.web.auth;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated user, read from the request's principal, which MicroProfile JWT makes the verified token.
 * Not an injected {@code JsonWebToken}: on Payara that proxy resolves through Soteria's caller-principal lookup, which
 * tries to load absent JBoss classes on every call, and it cost more than half of a purchase's CPU.
 */
public final class Caller {

    private Caller() {
    }

    /** The token's subject: the user id. */
    public static long userId(SecurityContext security) {
        if (security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return Long.parseLong(token.getSubject());
        }
        throw new NotAuthorizedException("Bearer");
    }
}
