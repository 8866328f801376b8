package io.flashsale.user.infrastructure.security;

import io.flashsale.user.domain.model.Password;
import io.flashsale.user.domain.model.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.flashsale.user.domain.model.HashingBusyException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt). The stored form carries algorithm, iterations and salt,
 * so raising {@code flashsale.auth.pbkdf2.iterations} later still verifies old hashes.
 *
 * <p>Anyone may make the server hash (a login or a sign-up needs no token), so hashing is a bulkhead: at most
 * {@code flashsale.auth.hashing.max-concurrent} hashes run at once and any more are turned away at once
 * ({@link HashingBusyException}, 503) instead of taking every worker and core. A semaphore, not MP Fault Tolerance's
 * {@code @Bulkhead}: on this CDI bean of an EJB module Payara did not apply it (40 simultaneous sign-ups at 210,000
 * iterations, none refused, no {@code ft_*} metric).
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    // OWASP (2023) recommends 210,000 for PBKDF2-HMAC-SHA512
    @Inject
    @ConfigProperty(name = "flashsale.auth.pbkdf2.iterations", defaultValue = "210000")
    int iterations;

    @Inject
    @ConfigProperty(name = "flashsale.auth.hashing.max-concurrent", defaultValue = "4")
    int maxConcurrentHashes;

    private String unknownUserHash;
    private Semaphore hashing;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        unknownUserHash = pbkdf2.generate("no such user".toCharArray());
        hashing = new Semaphore(maxConcurrentHashes);
    }

    @Override
    public String hash(Password password) {
        return bounded(() -> pbkdf2.generate(password.characters()));
    }

    /** A missing stored hash (unknown user) is checked against a dummy one, so it costs the same time. */
    @Override
    public boolean matches(Password password, String storedHash) {
        boolean verified = bounded(() -> pbkdf2.verify(password.characters(),
                storedHash == null ? unknownUserHash : storedHash));
        return verified && storedHash != null;
    }

    private <T> T bounded(Supplier<T> hash) {
        if (!hashing.tryAcquire()) {
            throw new HashingBusyException();
        }
        try {
            return hash.get();
        } finally {
            hashing.release();
        }
    }
}
