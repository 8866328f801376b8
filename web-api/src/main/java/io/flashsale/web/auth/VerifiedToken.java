package io.flashsale.web.auth;

import java.time.Instant;

/**
 * A bearer token whose signature, issuer, audience and expiry verified: its caller, and what revocation is decided
 * on (the user's token version {@code ver} and the token's id {@code jti}).
 */
public record VerifiedToken(Caller caller, int version, String tokenId, Instant expiresAt) {

    /** The request property (a servlet request attribute) under which {@link BearerTokenFilter} leaves it. */
    public static final String ATTRIBUTE = VerifiedToken.class.getName();
}
