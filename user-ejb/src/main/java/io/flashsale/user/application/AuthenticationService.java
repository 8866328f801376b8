package io.flashsale.user.application;

import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.user.application.port.LoginThrottle;
import io.flashsale.user.application.port.TokenIssuer;
import io.flashsale.user.application.port.TokenRevocations;
import io.flashsale.user.domain.model.HashingBusyException;
import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.PasswordHasher;
import io.flashsale.user.domain.model.User;
import io.flashsale.user.domain.model.UserRepository;
import io.flashsale.user.domain.model.Username;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/** Username, password and client address in, signed bearer token out; throttled before any hashing. */
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

    @Inject
    TokenRevocations revocations;

    public IssuedToken issueToken(String username, String password, String clientAddress) {
        Username name;
        try {
            name = new Username(username);
        } catch (InvalidInputException e) {
            throw new InvalidCredentialsException(); // a name that cannot exist gets the same answer as a wrong one
        }
        throttle.takeAttempt(name, clientAddress);
        Password offered = Password.offered(password);
        Optional<User> user = users.findByUsername(name);
        // an unknown name costs the same hash as a known one, so timing does not tell them apart either
        boolean matches;
        try {
            matches = user.map(u -> u.hasPassword(offered, hasher)).orElseGet(() -> hasher.matches(offered, null));
        } catch (HashingBusyException busy) {
            throttle.refund(name, clientAddress); // turned away before any password was checked
            throw busy;
        }
        if (!matches || user.get().isDisabled()) {
            throw new InvalidCredentialsException(); // already counted
        }
        throttle.succeeded(name, clientAddress);
        return tokens.issueFor(user.get());
    }

    /** A logout: the presented token is refused from now on. */
    public void revoke(String tokenId, Instant expiresAt) {
        revocations.revoke(tokenId, expiresAt);
    }
}
