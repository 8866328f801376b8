package io.flashsale.user.domain.model;

import java.util.Optional;

public interface UserRepository {

    Optional<User> findByUsername(String username);

    Optional<User> find(UserId id);

    User store(User user);
}
