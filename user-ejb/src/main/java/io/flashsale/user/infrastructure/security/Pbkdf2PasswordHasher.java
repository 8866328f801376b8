package io.flashsale.user.infrastructure.security;

import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.util.Map;

/**
 * Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt). The stored form carries algorithm, iterations and salt,
 * so raising {@code flashsale.auth.pbkdf2.iterations} later still verifies old hashes. Anyone may make the server
 * hash (a login or a sign-up needs no token), so each method is a bulkhead: at most four hashes of each kind run at
 * once and the rest are turned away (503) instead of taking every worker and core (configurable through MP Fault
 * Tolerance, e.g. {@code io.flashsale.user.infrastructure.security.Pbkdf2PasswordHasher/Bulkhead/value}).
 */
@ApplicationScoped
@Bulkhead(4)
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    // OWASP (2023) recommends 210,000 for PBKDF2-HMAC-SHA512
    @Inject
    @ConfigProperty(name = "flashsale.auth.pbkdf2.iterations", defaultValue = "210000")
    int iterations;

    private String unknownUserHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        unknownUserHash = pbkdf2.generate("no such user".toCharArray());
    }

    @Override
    public String hash(Password password) {
        return pbkdf2.generate(password.characters());
    }

    /** A missing stored hash (unknown user) is checked against a dummy one, so it costs the same time. */
    @Override
    public boolean matches(Password password, String storedHash) {
        boolean verified = pbkdf2.verify(password.characters(), storedHash == null ? unknownUserHash : storedHash);
        return verified && storedHash != null;
    }
}
