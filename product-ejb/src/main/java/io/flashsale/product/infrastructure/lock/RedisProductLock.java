package io.flashsale.product.infrastructure.lock;

import io.flashsale.product.domain.model.stock.ProductLock;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** SET key token NX PX lease to take, Lua compare-and-delete to give back; a random token per holder. */
@ApplicationScoped
public class RedisProductLock implements ProductLock {

    private static final LuaScript RELEASE = LuaScript.fromClasspath(RedisProductLock.class, "release-lock.lua");

    @Inject
    RedisConnection redis;

    @Override
    public Optional<Lease> acquire(String name, Duration lease, Duration maxWait) {
        String key = "lock:{" + name + "}";
        String token = UUID.randomUUID().toString();
        SetParams params = SetParams.setParams().nx().px(lease.toMillis());
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                if ("OK".equals(redis.client().set(key, token, params))) {
                    return Optional.of(() -> release(key, token));
                }
                if (System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000));
            }
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }

    private void release(String key, String token) {
        try {
            RELEASE.run(redis.client(), List.of(key), List.of(token));
        } catch (JedisException e) {
            // the lease expires by itself; the conditional UPDATE already protected the stock
        }
    }
}
