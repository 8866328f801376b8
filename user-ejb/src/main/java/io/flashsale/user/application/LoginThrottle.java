package io.flashsale.user.application;

import io.flashsale.user.domain.model.Username;

/**
 * Slows down guessing on one account: after a few failures every further attempt on that name is refused for a
 * growing while, whether or not the account exists, so the answer reveals nothing about existence.
 */
public interface LoginThrottle {

    /** @throws LoginThrottledException while the name is locked out */
    void checkAllowed(Username username);

    void recordFailure(Username username);

    void recordSuccess(Username username);
}
