package io.flashsale.client.model;

/** A username and password: to sign up ({@code registerUser}) or to sign in ({@code issueToken}). */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=hidden]";
    }
}
