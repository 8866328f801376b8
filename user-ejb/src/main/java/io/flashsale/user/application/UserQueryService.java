package io.flashsale.user.application;

import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.user.domain.model.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Reads of user accounts (as {@code OrderQueryService} is for orders). */
@Stateless
public class UserQueryService {

    @Inject
    UserRepository users;

    public UserView find(UserId id) {
        return users.find(id).map(UserView::of).orElseThrow(() -> new NotFoundException("user", id));
    }
}
