package io.flashsale.user.application.port;

import io.flashsale.user.application.LoginThrottledException;
import io.flashsale.user.domain.model.Username;

/**
 * Slows down password guessing before any password is hashed. Every attempt is counted as it starts, in the same
 * atomic step that checks the lock, so parallel guesses cannot slip through between check and count. Two budgets:
 * per username and client address (guessing one account), and per client address (one password sprayed over many
 * names). Names that do not exist are counted like names that do, so the answers reveal nothing about existence.
 * No account can be locked for everyone: a lock holds one address off one name (or one address off all), never the
 * owner at their own address.
 */
public interface LoginThrottle {

    /** @throws LoginThrottledException while this address is locked out (of this name, or of all) */
    void takeAttempt(Username username, String clientAddress);

    /** The attempt was the owner's: it is not held against the name at this address, nor against the address. */
    void succeeded(Username username, String clientAddress);

    /** The attempt never reached the password check (the server was too busy to hash): it does not count. */
    void refund(Username username, String clientAddress);
}
