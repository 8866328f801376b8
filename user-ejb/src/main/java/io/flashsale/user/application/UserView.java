package io.flashsale.user.application;

import io.flashsale.user.domain.model.User;

public record UserView(long id, String username, String role) {

    static UserView of(User user) {
        return new UserView(user.id().value(), user.username(), user.role().name());
    }
}
