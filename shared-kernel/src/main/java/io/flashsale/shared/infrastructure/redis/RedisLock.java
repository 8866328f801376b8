package io.flashsale.shared.infrastructure.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.List;

/**
 * A lease in Redis: SET key token NX PX to take it, a Lua compare-and-delete to give it back, so that only its holder
 * (a random token per holder) can release it. Jedis exceptions reach the caller.
 */
public final class RedisLock {

    private static final LuaScript RELEASE = LuaScript.fromClasspath(RedisLock.class, "release-lock.lua");

    private RedisLock() {
    }

    /** True when {@code token} now holds the lock for {@code lease}; false when someone else holds it. */
    public static boolean take(UnifiedJedis redis, String key, String token, Duration lease) {
        return "OK".equals(redis.set(key, token, SetParams.setParams().nx().px(lease.toMillis())));
    }

    /** Deletes the lock if {@code token} still holds it. */
    public static void release(UnifiedJedis redis, String key, String token) {
        RELEASE.run(redis, List.of(key), List.of(token));
    }
}
