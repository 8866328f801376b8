package io.flashsale.web.auth;

/** A bearer token that is malformed, not signed by the platform's key, from another issuer, or expired. */
final class InvalidTokenException extends Exception {

    InvalidTokenException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
