package io.flashsale.web.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A class, not a record, for the same reason as the other requests (see CreateProductRequest). */
public final class RoleChangeRequest {

    @NotNull
    @Schema(required = true, enumeration = {"CUSTOMER", "ADMIN"})
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
