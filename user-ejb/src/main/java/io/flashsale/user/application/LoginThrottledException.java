package io.flashsale.user.application;

import io.flashsale.shared.domain.DomainException;

public class LoginThrottledException extends DomainException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(Kind.RATE_LIMITED, "too-many-login-attempts",
                "too many failed logins from this address; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
