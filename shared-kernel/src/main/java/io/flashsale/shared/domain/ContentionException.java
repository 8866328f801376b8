package io.flashsale.shared.domain;

/** Too many others were changing the same thing at once; nothing was changed and a retry is safe. */
public class ContentionException extends DomainException {

    public ContentionException(String message) {
        super(Kind.CONFLICT, "contention", message);
    }
}
