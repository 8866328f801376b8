package io.flashsale.product.application.reservation;

import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationRepository;
import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every second, returns the units of customer reservations whose hold has ended, each in its own transaction. Safe
 * on every instance at once: each expiry locks its reservation row and happens only while it is still open. Every
 * tenth run it also deletes a batch of reservations that ended more than {@code flashsale.stock.reservation-retention-days}
 * ago (an order id may be used again after that).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReservationExpiry extends RepeatingSingleton {

    private static final int BATCH = 200;
    private static final int PURGE_BATCH = 1_000;
    private static final int PURGE_EVERY_RUNS = 10;

    @Inject
    ReservationRepository reservations;

    @Inject
    StockTransactions transactions;

    @Inject
    ReservationMetrics metrics;

    @Inject
    @ConfigProperty(name = "flashsale.stock.reservation-retention-days", defaultValue = "30")
    long retentionDays;

    private long runs;

    public ReservationExpiry() {
        super("reservation expiry", Duration.ofSeconds(1));
    }

    @Override
    public void runOnce() {
        List<ReservationId> ended;
        do {
            Instant now = Instant.now();
            ended = reservations.expiredBefore(now, BATCH);
            for (ReservationId id : ended) {
                if (transactions.expire(id, now)) {
                    metrics.expired();
                }
            }
        } while (ended.size() == BATCH);
        if (runs++ % PURGE_EVERY_RUNS == 0) {
            transactions.purgeEnded(Instant.now().minus(Duration.ofDays(retentionDays)), PURGE_BATCH);
        }
    }
}
