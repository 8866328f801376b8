package io.flashsale.user.application;

public record IssuedToken(String accessToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedToken[hidden, expires in " + expiresInSeconds + " s]";
    }
}
