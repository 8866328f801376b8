package io.flashsale.user.infrastructure.persistence;

import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.user.domain.model.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "user")
    EntityManager em;

    @Override
    public Optional<User> findByUsername(String username) {
        return em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(em.find(User.class, id.value()));
    }

    @Override
    public User store(User user) {
        em.persist(user);
        em.flush();
        return user;
    }
}
