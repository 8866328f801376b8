package io.flashsale.user.application;

import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.user.domain.model.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

@Stateless
public class UserAccountService {

    @Inject
    UserRepository users;

    public UserView find(UserId id) {
        return users.find(id).map(UserView::of).orElseThrow(() -> new NotFoundException("user", id));
    }
}
