package io.flashsale.product.application.reservation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code stock_reservation_seconds{strategy}} (latency of every reserve call, whatever its answer),
 * {@code stock_optimistic_retries_total}, {@code stock_lock_wait_seconds{acquired}} (waits for the Redis lease),
 * {@code stock_reservations_expired_total}.
 */
@ApplicationScoped
public class ReservationMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<ReservationStrategy, Timer> reservations = new EnumMap<>(ReservationStrategy.class);
    private Counter optimisticRetries;
    private Counter expired;
    private Timer lockAcquired;
    private Timer lockNotAcquired;

    @PostConstruct
    void register() {
        Metadata reservation = Metadata.builder().withName("stock_reservation")
                .withDescription("Stock reservation latency by strategy").withUnit(MetricUnits.SECONDS).build();
        for (ReservationStrategy strategy : ReservationStrategy.values()) {
            reservations.put(strategy, registry.timer(reservation, new Tag("strategy", strategy.wireName())));
        }
        optimisticRetries = registry.counter(Metadata.builder().withName("stock_optimistic_retries_total")
                .withDescription("Optimistic reservation attempts that lost to a concurrent writer").build());
        expired = registry.counter(Metadata.builder().withName("stock_reservations_expired_total")
                .withDescription("Customer reservations whose hold ended before they were released").build());
        Metadata lockWait = Metadata.builder().withName("stock_lock_wait")
                .withDescription("Time waited for the redis-lock strategy's product lease")
                .withUnit(MetricUnits.SECONDS).build();
        lockAcquired = registry.timer(lockWait, new Tag("acquired", "true"));
        lockNotAcquired = registry.timer(lockWait, new Tag("acquired", "false"));
    }

    Timer reservationTimer(ReservationStrategy strategy) {
        return reservations.get(strategy);
    }

    void optimisticRetry() {
        optimisticRetries.inc();
    }

    void expired() {
        expired.inc();
    }

    void lockWait(Duration waited, boolean acquired) {
        (acquired ? lockAcquired : lockNotAcquired).update(waited);
    }
}
