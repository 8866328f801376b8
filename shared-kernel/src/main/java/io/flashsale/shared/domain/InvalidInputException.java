package io.flashsale.shared.domain;

public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(Kind.INVALID, "invalid-input", message);
    }
}
