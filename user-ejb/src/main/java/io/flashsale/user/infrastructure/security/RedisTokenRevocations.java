package io.flashsale.user.infrastructure.security;

import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.user.application.port.TokenRevocations;
import io.flashsale.user.domain.model.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocations are published to one Redis sorted set ({@value #KEY}, scored by publication time) and mirrored in
 * memory on every instance: a request checks the mirror, and at most every {@value #REFRESH_MILLIS} ms one request
 * pulls what was published since the last pull (a little before it, for clock differences between instances).
 * Entries older than the longest token lifetime are dropped: every token they could concern has expired.
 *
 * <p>Without Redis, a revocation cannot be made (503) and the mirror keeps what it knew: tokens revoked before the
 * outage stay refused.
 */
@ApplicationScoped
public class RedisTokenRevocations implements TokenRevocations {

    private static final Logger LOG = Logger.getLogger(RedisTokenRevocations.class.getName());
    private static final String KEY = "auth:revocations";
    private static final long REFRESH_MILLIS = 250;
    private static final long CLOCK_OVERLAP_MILLIS = 5_000;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "flashsale.auth.token-lifetime-seconds", defaultValue = "900")
    long tokenLifetimeSeconds;

    private final Map<Long, Integer> minimumVersions = new ConcurrentHashMap<>();
    private final Map<String, Long> revokedTokens = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long nextRefreshAt;
    private volatile long pulledUpTo = Long.MIN_VALUE;
    private volatile boolean outageLogged;

    @Override
    public void revokeBelow(UserId user, int version) {
        apply("u:" + user.value() + ":" + version);
        publish("u:" + user.value() + ":" + version);
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        String entry = "t:" + tokenId + ":" + expiresAt.toEpochMilli();
        apply(entry);
        publish(entry);
    }

    @Override
    public boolean isRevoked(long userId, int tokenVersion, String tokenId) {
        refreshIfDue();
        Integer minimum = minimumVersions.get(userId);
        return (minimum != null && tokenVersion < minimum) || (tokenId != null && revokedTokens.containsKey(tokenId));
    }

    @Override
    public int minimumVersion(UserId user) {
        refreshIfDue();
        return minimumVersions.getOrDefault(user.value(), 0);
    }

    private void publish(String entry) {
        long now = System.currentTimeMillis();
        try {
            redis.client().zadd(KEY, now, entry);
            redis.client().zremrangeByScore(KEY, Double.NEGATIVE_INFINITY, now - retentionMillis());
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    private void refreshIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextRefreshAt || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            double from = pulledUpTo == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : pulledUpTo - CLOCK_OVERLAP_MILLIS;
            List<String> entries = redis.client().zrangeByScore(KEY, from, Double.POSITIVE_INFINITY);
            entries.forEach(this::apply);
            revokedTokens.values().removeIf(expiresAt -> expiresAt < now - 60_000);
            pulledUpTo = now;
            outageLogged = false;
        } catch (JedisException e) {
            if (!outageLogged) {
                outageLogged = true;
                LOG.log(Level.WARNING, "token revocations not refreshed (Redis unavailable), known ones still apply:"
                        + " {0}", e.toString());
            }
        } finally {
            nextRefreshAt = now + REFRESH_MILLIS;
            refreshing.set(false);
        }
    }

    private void apply(String entry) {
        String[] parts = entry.split(":");
        if (parts.length != 3) {
            return;
        }
        try {
            if (parts[0].equals("u")) {
                minimumVersions.merge(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Math::max);
            } else if (parts[0].equals("t")) {
                revokedTokens.put(parts[1], Long.parseLong(parts[2]));
            }
        } catch (NumberFormatException ignored) {
            // not ours: skipped
        }
    }

    private long retentionMillis() {
        return tokenLifetimeSeconds * 1000 + 2 * CLOCK_OVERLAP_MILLIS + 60_000;
    }
}
