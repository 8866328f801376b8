package io.flashsale.web.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Length and character rules live in the user context's value objects, so they hold for every caller. */
public record RegistrationRequest(
        @NotNull @Schema(required = true, pattern = "^\\s*[A-Za-z0-9][A-Za-z0-9._-]{2,31}\\s*$",
                description = "3-32 letters, digits, '.', '-' or '_', starting with a letter or digit;"
                        + " compared in lower case") String username,
        @NotNull @Schema(required = true, minLength = 8, maxLength = 128) String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + ", password=hidden]";
    }
}
