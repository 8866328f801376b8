package io.flashsale.seckill.application.purchase;

import io.flashsale.seckill.domain.model.activity.PurchaseRateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per buyer and instance, in memory: it must cost nothing on the hot path, and its job is to stop
 * one client (a bot) from taking an unfair share of the instance, not to be exact across instances.
 */
@ApplicationScoped
public class PurchaseRateLimiter {

    private static final int MAX_TRACKED_BUYERS = 200_000;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.rate-limit.per-second", defaultValue = "20")
    double perSecond;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.rate-limit.burst", defaultValue = "40")
    double burst;

    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    public PurchaseRateLimiter() {
        this(System::nanoTime);
    }

    /** With another time source, read like {@link System#nanoTime()} (the unit tests' refill rule). */
    PurchaseRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    @PostConstruct
    void validate() {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalStateException("flashsale.seckill.rate-limit.* must be positive");
        }
    }

    public void admit(long userId) {
        if (buckets.size() > MAX_TRACKED_BUYERS) {
            buckets.clear(); // a flood of distinct ids: start over rather than grow without bound
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perSecond / 1e9);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                throw new PurchaseRateLimitedException();
            }
            bucket.tokens -= 1;
        }
    }
}
