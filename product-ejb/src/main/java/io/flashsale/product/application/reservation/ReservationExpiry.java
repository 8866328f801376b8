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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every second, returns the units of customer reservations whose hold has ended, each in its own transaction. Safe
 * on every instance at once: each expiry locks its reservation row and happens only while it is still open.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReservationExpiry extends RepeatingSingleton {

    private static final int BATCH = 200;

    @Inject
    ReservationRepository reservations;

    @Inject
    StockTransactions transactions;

    @Inject
    ReservationMetrics metrics;

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
    }
}
