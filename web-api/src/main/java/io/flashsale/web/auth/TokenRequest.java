package io.flashsale.web.auth;

import jakarta.validation.constraints.NotNull;

public record TokenRequest(@NotNull String username, @NotNull String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=hidden]";
    }
}
