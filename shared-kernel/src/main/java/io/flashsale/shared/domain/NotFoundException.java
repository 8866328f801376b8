package io.flashsale.shared.domain;

public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }
}
