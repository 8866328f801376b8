package io.flashsale.user.infrastructure.security;

import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.user.application.LoginThrottledException;
import io.flashsale.user.application.port.LoginThrottle;
import io.flashsale.user.domain.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;

/**
 * Attempt counts live in Redis so every instance sees them; each budget is one Lua call (login-attempt.lua) over
 * its two keys, which share a hash tag. Fails closed: without Redis, logins answer 503 rather than allowing
 * unthrottled guessing.
 */
@ApplicationScoped
public class RedisLoginThrottle implements LoginThrottle {

    private static final LuaScript ATTEMPT = LuaScript.fromClasspath(RedisLoginThrottle.class, "login-attempt.lua");

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.base-lock-millis", defaultValue = "30000")
    long baseLockMillis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.address-free-attempts", defaultValue = "50")
    int addressFreeAttempts;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.address-base-lock-millis", defaultValue = "60000")
    long addressBaseLockMillis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.max-lock-millis", defaultValue = "900000")
    long maxLockMillis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.window-millis", defaultValue = "900000")
    long windowMillis;

    @Override
    public void takeAttempt(Username username, String clientAddress) {
        take(addressKey(clientAddress), addressFreeAttempts, addressBaseLockMillis);
        take(nameKey(username, clientAddress), freeAttempts, baseLockMillis);
    }

    @Override
    public void succeeded(Username username, String clientAddress) {
        try {
            redis.client().del(nameKey(username, clientAddress) + ":attempts");
            uncount(addressKey(clientAddress) + ":attempts");
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    @Override
    public void refund(Username username, String clientAddress) {
        try {
            uncount(nameKey(username, clientAddress) + ":attempts");
            uncount(addressKey(clientAddress) + ":attempts");
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    private void uncount(String attempts) {
        if (redis.client().decr(attempts) < 0) {
            redis.client().del(attempts); // it had expired: no count, rather than one without an expiry
        }
    }

    private void take(String key, int free, long baseLock) {
        Object lockedForMillis = attempt(List.of(key + ":attempts", key + ":lock"), List.of(
                Long.toString(windowMillis), Integer.toString(free), Long.toString(baseLock),
                Long.toString(maxLockMillis)));
        long millis = ((Number) lockedForMillis).longValue();
        if (millis > 0) {
            throw new LoginThrottledException(Math.max(1, (millis + 999) / 1000));
        }
    }

    /** One run of login-attempt.lua; package-private so the unit tests can answer for Redis. */
    Object attempt(List<String> keys, List<String> args) {
        try {
            return ATTEMPT.run(redis.client(), keys, args);
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    // one hash tag per budget, so the script's two keys live in the same Redis Cluster slot
    private static String nameKey(Username username, String clientAddress) {
        return "login:{" + username + "@" + clientAddress + "}";
    }

    private static String addressKey(String clientAddress) {
        return "login:{@" + clientAddress + "}";
    }
}
