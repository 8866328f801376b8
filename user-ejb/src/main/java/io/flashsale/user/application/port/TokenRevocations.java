package io.flashsale.user.application.port;

import io.flashsale.user.domain.model.UserId;

import java.time.Instant;

/**
 * Tokens that must no longer be accepted although signed and unexpired: all of a user's below a token version (after
 * a role change or removal), or one token by its id (a logout). Checked on every authenticated request, so the
 * check is a memory lookup; revocations reach every instance through Redis within a fraction of a second.
 */
public interface TokenRevocations {

    /** From now on, this user's tokens of a version below {@code version} are refused. */
    void revokeBelow(UserId user, int version);

    /** From now on, the token {@code tokenId} is refused (it expires at {@code expiresAt} anyway). */
    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(long userId, int tokenVersion, String tokenId);

    /** The lowest version a new token of this user may carry (0 when nothing was revoked). */
    int minimumVersion(UserId user);
}
