package io.flashsale.it.auth;

import io.flashsale.it.support.Redis;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.user.infrastructure.security.RedisLoginThrottle;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login throttle's escalation, as the application's own script runs it on the platform's Redis with the
 * documented settings (5 free attempts, 30 s, doubling, at most 15 minutes). Waiting out each lock would take half an
 * hour, so the test deletes the lock once it has been set, as its expiry would.
 */
class LoginLockEscalationIT {

    private static final LuaScript ATTEMPT = LuaScript.fromClasspath(RedisLoginThrottle.class, "login-attempt.lua");
    private static final List<String> DOCUMENTED = List.of("900000", "5", "30000", "900000");

    @Test
    void locksDoubleFromThirtySecondsAndStopAtFifteenMinutes() {
        String key = "login:{it-escalation-" + UUID.randomUUID() + "}";
        List<String> keys = List.of(key + ":attempts", key + ":lock");
        List<Long> locks = new ArrayList<>();
        try (UnifiedJedis redis = Redis.client()) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                long lock = ((Number) ATTEMPT.run(redis, keys, DOCUMENTED)).longValue();
                locks.add(lock);
                if (lock > 0) {
                    long refused = ((Number) ATTEMPT.run(redis, keys, DOCUMENTED)).longValue();
                    assertTrue(refused > 0 && refused <= lock, "locked: the next attempt is refused, uncounted");
                    assertTrue(redis.pttl(keys.get(0)) >= 2 * lock - 1_000,
                            "the count outlives the lock, so the next failure escalates");
                    redis.del(keys.get(1));
                }
            }
            redis.del(keys.get(0));
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 30_000L, 60_000L, 120_000L, 240_000L, 480_000L, 900_000L, 900_000L),
                locks);
    }
}
