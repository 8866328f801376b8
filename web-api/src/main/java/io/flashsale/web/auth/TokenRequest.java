package io.flashsale.web.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

public record TokenRequest(@NotNull @Schema(required = true) String username,
                           @NotNull @Schema(required = true) String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=hidden]";
    }
}
