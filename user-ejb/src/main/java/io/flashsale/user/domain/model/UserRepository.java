package io.flashsale.user.domain.model;

import java.util.Optional;

public interface UserRepository {

    Optional<User> findByUsername(Username username);

    Optional<User> find(UserId id);

    /** Reads the row with a write lock, for a change of role or status. */
    Optional<User> findForUpdate(UserId id);

    /** Stores a new user; a concurrent registration of the same name ends in {@link UsernameTakenException}. */
    User store(User user);
}
