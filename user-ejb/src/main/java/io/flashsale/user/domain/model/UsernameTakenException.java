package io.flashsale.user.domain.model;

import io.flashsale.shared.domain.DomainException;

public class UsernameTakenException extends DomainException {

    public UsernameTakenException(Username username) {
        super(Kind.CONFLICT, "username-taken", "username " + username + " is taken");
    }
}
