package io.flashsale.user.application;

import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.PasswordHasher;
import io.flashsale.user.domain.model.Role;
import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserRepository;
import io.flashsale.user.domain.model.Username;
import io.flashsale.user.domain.model.UsernameTakenException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

@Stateless
public class UserRegistrationService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    /** Self-registration always makes a customer; admins come from start-up configuration. */
    public UserView registerCustomer(String username, String password) {
        return register(new Username(username), Password.chosen(password), Role.CUSTOMER);
    }

    public UserView register(Username username, Password password, Role role) {
        if (users.findByUsername(username).isPresent()) {
            throw new UsernameTakenException(username);
        }
        return UserView.of(users.store(new User(username, hasher.hash(password), role)));
    }
}
