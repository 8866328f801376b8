package io.flashsale.web.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenResponse")
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") @Schema(type = SchemaType.INTEGER, format = "int64") long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[hidden]";
    }
}
