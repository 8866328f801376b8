package io.flashsale.user.application;

import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.PasswordHasher;
import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserRepository;
import io.flashsale.user.domain.model.Username;
import io.flashsale.shared.domain.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;

/** Username and password in, signed bearer token out; throttled per username. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuthenticationService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer tokens;

    public IssuedToken issueToken(String username, String password) {
        Username name;
        try {
            name = new Username(username);
        } catch (InvalidInputException e) {
            throw new InvalidCredentialsException(); // a name that cannot exist gets the same answer as a wrong one
        }
        throttle.checkAllowed(name);
        Password offered = Password.offered(password);
        Optional<User> user = users.findByUsername(name);
        // an unknown name costs the same hash as a known one, so timing does not tell them apart either
        boolean matches = user.map(u -> u.hasPassword(offered, hasher))
                .orElseGet(() -> hasher.matches(offered, null));
        if (!matches) {
            throttle.recordFailure(name);
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(name);
        return tokens.issueFor(user.get());
    }
}
