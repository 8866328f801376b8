package io.flashsale.user.infrastructure.security;

import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.user.application.LoginThrottle;
import io.flashsale.user.application.LoginThrottledException;
import io.flashsale.user.domain.model.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;

/**
 * Failure counts live in Redis so every instance sees them. Fails closed: without Redis, logins answer 503
 * rather than allowing unthrottled guessing.
 */
@ApplicationScoped
public class RedisLoginThrottle implements LoginThrottle {

    private static final LuaScript FAILURE = LuaScript.fromClasspath(RedisLoginThrottle.class, "login-failure.lua");

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.base-lock-millis", defaultValue = "2000")
    long baseLockMillis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.max-lock-millis", defaultValue = "900000")
    long maxLockMillis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.throttle.window-millis", defaultValue = "900000")
    long windowMillis;

    @Override
    public void checkAllowed(Username username) {
        long lockedForMillis;
        try {
            lockedForMillis = redis.client().pttl(lockKey(username));
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
        if (lockedForMillis > 0) {
            throw new LoginThrottledException(Math.max(1, (lockedForMillis + 999) / 1000));
        }
    }

    @Override
    public void recordFailure(Username username) {
        try {
            FAILURE.run(redis.client(), List.of(failureKey(username), lockKey(username)), List.of(
                    Long.toString(windowMillis), Integer.toString(freeAttempts), Long.toString(baseLockMillis),
                    Long.toString(maxLockMillis)));
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    @Override
    public void recordSuccess(Username username) {
        try {
            redis.client().del(failureKey(username));
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    // one hash tag per name, so the script's two keys live in the same Redis Cluster slot
    private static String failureKey(Username username) {
        return "login:{" + username + "}:failures";
    }

    private static String lockKey(Username username) {
        return "login:{" + username + "}:lock";
    }
}
