package io.flashsale.user.infrastructure.persistence;

import io.flashsale.shared.infrastructure.persistence.SqlErrors;
import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.user.domain.model.UserRepository;
import io.flashsale.user.domain.model.Username;
import io.flashsale.user.domain.model.UsernameTakenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "user")
    EntityManager em;

    @Override
    public Optional<User> findByUsername(Username username) {
        return em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", username.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(em.find(User.class, id.value()));
    }

    @Override
    public Optional<User> findForUpdate(UserId id) {
        return Optional.ofNullable(em.find(User.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public User store(User user) {
        try {
            em.persist(user);
            em.flush();
            return user;
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new UsernameTakenException(new Username(user.username()));
            }
            throw e;
        }
    }
}
