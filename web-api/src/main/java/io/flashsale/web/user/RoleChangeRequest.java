package io.flashsale.web.user;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A class, not a record, for the same reason as the other requests (see CreateProductRequest). */
public final class RoleChangeRequest {

    @NotNull
    @Pattern(regexp = "CUSTOMER|ADMIN")
    private final String role;

    @JsonbCreator
    public RoleChangeRequest(@JsonbProperty("role") String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
