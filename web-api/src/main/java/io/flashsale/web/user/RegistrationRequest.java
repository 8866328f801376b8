package io.flashsale.web.user;

import jakarta.validation.constraints.NotNull;

/** Length and character rules live in the user context's value objects, so they hold for every caller. */
public record RegistrationRequest(@NotNull String username, @NotNull String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + ", password=hidden]";
    }
}
