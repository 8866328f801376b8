package io.flashsale.user.application;

import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.user.application.port.TokenRevocations;
import io.flashsale.user.domain.model.Role;
import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.user.domain.model.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * An administrator's changes to accounts. Each takes effect at once on every instance: the user's earlier tokens are
 * revoked in the same step (published before the change commits, so a token never outlives the change).
 */
@Stateless
public class UserAdministrationService {

    @Inject
    UserRepository users;

    @Inject
    TokenRevocations revocations;

    public UserView changeRole(UserId target, Role role, UserId administrator) {
        User user = editable(target, administrator);
        if (user.changeRole(role)) {
            revocations.revokeBelow(target, user.tokenVersion());
        }
        return UserView.of(user);
    }

    /** The account can no longer log in and its tokens are refused; its orders stay. */
    public void remove(UserId target, UserId administrator) {
        User user = editable(target, administrator);
        if (user.disable(Instant.now())) {
            revocations.revokeBelow(target, user.tokenVersion());
        }
    }

    private User editable(UserId target, UserId administrator) {
        if (target.equals(administrator)) {
            throw new OwnAccountException(); // the last administrator must not lock everyone out
        }
        return users.findForUpdate(target).filter(u -> !u.isDisabled())
                .orElseThrow(() -> new NotFoundException("user", target));
    }

    public static class OwnAccountException extends DomainException {
        OwnAccountException() {
            super(Kind.CONFLICT, "own-account", "an administrator cannot change the role of, or remove, their own"
                    + " account; ask another administrator");
        }
    }
}
