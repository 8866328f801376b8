package io.flashsale.user.domain.model;

import io.flashsale.shared.domain.DomainException;

/** As many passwords as allowed are being hashed: a login or sign-up is turned away at once (503, Retry-After). */
public class HashingBusyException extends DomainException {

    public HashingBusyException() {
        super(Kind.UNAVAILABLE, "overloaded", "too many logins and sign-ups in progress; retry shortly");
    }
}
