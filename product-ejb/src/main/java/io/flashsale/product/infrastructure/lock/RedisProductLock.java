package io.flashsale.product.infrastructure.lock;

import io.flashsale.product.application.port.ProductLock;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.shared.infrastructure.redis.RedisLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** A {@link RedisLock} per product, waited for up to a bound. */
@ApplicationScoped
public class RedisProductLock implements ProductLock {

    @Inject
    RedisConnection redis;

    @Override
    public Optional<Lease> acquire(String name, Duration lease, Duration maxWait) {
        String key = "lock:{" + name + "}";
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                if (RedisLock.take(redis.client(), key, token, lease)) {
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
            RedisLock.release(redis.client(), key, token);
        } catch (JedisException e) {
            // the lease expires by itself; the conditional UPDATE already protected the stock
        }
    }
}
