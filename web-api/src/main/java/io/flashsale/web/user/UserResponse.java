package io.flashsale.web.user;

import io.flashsale.user.application.UserView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserResponse")
public record UserResponse(
        @Schema(type = SchemaType.INTEGER, format = "int64") long id,
        String username,
        String role) {

    static UserResponse of(UserView view) {
        return new UserResponse(view.id(), view.username(), view.role());
    }
}
