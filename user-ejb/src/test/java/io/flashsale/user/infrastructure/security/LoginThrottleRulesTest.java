package io.flashsale.user.infrastructure.security;

import io.flashsale.shared.domain.DomainException;
import io.flashsale.user.application.LoginThrottledException;
import io.flashsale.user.domain.model.Username;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Java half of the login throttle: which budgets an attempt is taken from, in which order, with which keys and
 * script arguments, and how a lock becomes Retry-After. The other half, counting and the doubling lock, is
 * login-attempt.lua, run by Redis (the in-server tests drive it); here the script's answers are given.
 */
class LoginThrottleRulesTest {

    private record Run(List<String> keys, List<String> args) {
    }

    private final Deque<Long> answers = new ArrayDeque<>();
    private final List<Run> runs = new ArrayList<>();
    private RedisLoginThrottle throttle;

    @BeforeEach
    void throttle() {
        throttle = new RedisLoginThrottle() {
            @Override
            Object attempt(List<String> keys, List<String> args) {
                runs.add(new Run(keys, args));
                return answers.removeFirst();
            }
        };
        throttle.freeAttempts = 5;
        throttle.baseLockMillis = 30_000;
        throttle.addressFreeAttempts = 50;
        throttle.addressBaseLockMillis = 60_000;
        throttle.maxLockMillis = 900_000;
        throttle.windowMillis = 900_000;
    }

    @Test
    void anAttemptIsTakenFromTheAddressBudgetThenFromTheNameAtThatAddress() {
        answers.addAll(List.of(0L, 0L));
        throttle.takeAttempt(new Username("Alice"), "203.0.113.9");
        assertEquals(List.of(
                new Run(List.of("login:{@203.0.113.9}:attempts", "login:{@203.0.113.9}:lock"),
                        List.of("900000", "50", "60000", "900000")),
                new Run(List.of("login:{alice@203.0.113.9}:attempts", "login:{alice@203.0.113.9}:lock"),
                        List.of("900000", "5", "30000", "900000"))), runs);
    }

    @Test
    void aLockedAddressIsRefusedBeforeTheNameIsCounted() {
        answers.add(60_000L);
        LoginThrottledException refused = assertThrows(LoginThrottledException.class,
                () -> throttle.takeAttempt(new Username("alice"), "203.0.113.9"));
        assertEquals(60, refused.retryAfterSeconds());
        assertEquals(1, runs.size(), "the name's budget was not touched");
        assertEquals(DomainException.Kind.RATE_LIMITED, refused.kind());
        assertEquals("too-many-login-attempts", refused.type());
        assertEquals("too many failed logins from this address; retry in 60 s", refused.getMessage());
    }

    @Test
    void aNameLockedAtThisAddressIsRefusedAfterTheAddressCountedTheAttempt() {
        answers.addAll(List.of(0L, 30_000L));
        LoginThrottledException refused = assertThrows(LoginThrottledException.class,
                () -> throttle.takeAttempt(new Username("alice"), "203.0.113.9"));
        assertEquals(30, refused.retryAfterSeconds());
        assertEquals(2, runs.size());
    }

    @Test
    void eachNameAndAddressPairIsABudgetOfItsOwnUnderOneHashTag() {
        answers.addAll(List.of(0L, 0L, 0L, 0L));
        throttle.takeAttempt(new Username("alice"), "2001:db8::1");
        throttle.takeAttempt(new Username("bob"), "2001:db8::1");
        assertEquals(List.of("login:{@2001:db8::1}:attempts", "login:{@2001:db8::1}:lock"), runs.get(0).keys());
        assertEquals(List.of("login:{alice@2001:db8::1}:attempts", "login:{alice@2001:db8::1}:lock"),
                runs.get(1).keys());
        assertEquals(runs.get(0).keys(), runs.get(2).keys(), "one address budget over all names");
        assertEquals(List.of("login:{bob@2001:db8::1}:attempts", "login:{bob@2001:db8::1}:lock"),
                runs.get(3).keys());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "29999, 30", "30000, 30", "899001, 900", "900000, 900"})
    void aLockIsAnsweredWithItsRemainingSecondsRoundedUp(long lockedForMillis, long retryAfterSeconds) {
        answers.add(lockedForMillis);
        LoginThrottledException refused = assertThrows(LoginThrottledException.class,
                () -> throttle.takeAttempt(new Username("alice"), "203.0.113.9"));
        assertEquals(retryAfterSeconds, refused.retryAfterSeconds());
    }

    /** What the README promises: 5 free, then 30 s doubling; 50 per address, then 60 s; at most 15 minutes. */
    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Map<String, String> defaults = new TreeMap<>();
        for (var field : RedisLoginThrottle.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                defaults.put(property.name(), property.defaultValue());
            }
        }
        assertEquals(Map.of(
                "flashsale.auth.throttle.free-attempts", "5",
                "flashsale.auth.throttle.base-lock-millis", "30000",
                "flashsale.auth.throttle.address-free-attempts", "50",
                "flashsale.auth.throttle.address-base-lock-millis", "60000",
                "flashsale.auth.throttle.max-lock-millis", "900000",
                "flashsale.auth.throttle.window-millis", "900000"), defaults);
    }
}
