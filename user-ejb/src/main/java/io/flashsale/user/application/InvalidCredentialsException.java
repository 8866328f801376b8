package io.flashsale.user.application;

import io.flashsale.shared.domain.DomainException;

/** The same answer for an unknown username and a wrong password. */
public class InvalidCredentialsException extends DomainException {

    public InvalidCredentialsException() {
        super(Kind.UNAUTHENTICATED, "invalid-credentials", "username or password is wrong");
    }
}
