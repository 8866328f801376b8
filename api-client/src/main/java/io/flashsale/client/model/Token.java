package io.flashsale.client.model;

/** A bearer token and how many seconds it is valid. */
public record Token(String accessToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "Token[type=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
