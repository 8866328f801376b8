package io.flashsale.product.application.reservation;

import io.flashsale.shared.domain.InvalidInputException;

import java.util.Arrays;

/** The three interchangeable ways to take stock without overselling. */
public enum ReservationStrategy {
    /** SELECT ... FOR UPDATE on the product row inside one JTA transaction, with a lock wait timeout. */
    PESSIMISTIC("pessimistic"),
    /** Version check on commit; each attempt in its own transaction, bounded retries with jittered backoff. */
    OPTIMISTIC("optimistic"),
    /** A Redis lease per product serialises writers; the UPDATE stays conditional in case a lease expires. */
    REDIS_LOCK("redis-lock");

    private final String wireName;

    ReservationStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ReservationStrategy fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "strategy must be one of pessimistic, optimistic, redis-lock; was " + name));
    }
}
