package io.flashsale.product.application.reservation;

import io.flashsale.product.application.port.ProductLock;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.shared.domain.ContentionException;
import io.flashsale.shared.domain.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Reserve and release stock with the chosen strategy. Runs outside any transaction itself: each strategy decides
 * where its transactions begin and end (see {@link StockTransactions}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StockReservationService {

    @Inject
    StockTransactions transactions;

    @Inject
    ReservationMetrics metrics;

    @Inject
    ProductLock productLock;

    @Inject
    @ConfigProperty(name = "flashsale.stock.default-strategy", defaultValue = "pessimistic")
    String defaultStrategy;

    @Inject
    @ConfigProperty(name = "flashsale.stock.max-quantity", defaultValue = "1000")
    int maxQuantity;

    /** The longest a customer's reservation holds its units, and how long when the request does not say. */
    @Inject
    @ConfigProperty(name = "flashsale.stock.reservation.max-hold-seconds", defaultValue = "900")
    int maxHoldSeconds;

    /** Units one customer may hold in open reservations at once, over all products. */
    @Inject
    @ConfigProperty(name = "flashsale.stock.reservation.max-held-units-per-customer", defaultValue = "50")
    int heldUnitsLimit;

    @Inject
    @ConfigProperty(name = "flashsale.stock.optimistic.max-attempts", defaultValue = "10")
    int optimisticAttempts;

    @Inject
    @ConfigProperty(name = "flashsale.stock.optimistic.backoff-millis", defaultValue = "2")
    long optimisticBackoffMillis;

    @Inject
    @ConfigProperty(name = "flashsale.stock.redis-lock.lease-millis", defaultValue = "10000")
    long leaseMillis;

    @Inject
    @ConfigProperty(name = "flashsale.stock.redis-lock.max-wait-millis", defaultValue = "2000")
    long lockWaitMillis;

    public ReservationStrategy strategy(String wireName) {
        return ReservationStrategy.fromWireName(wireName == null || wireName.isBlank() ? defaultStrategy : wireName);
    }

    /**
     * A customer's reservation: held for {@code holdSeconds} (the configured maximum when null) and then returned to
     * stock by {@link ReservationExpiry} unless released before; counted against the customer's limit meanwhile.
     */
    public ReservationView reserve(ProductId product, ReservationId id, int units, ReservationStrategy strategy,
                                   Requester requester, Integer holdSeconds) {
        if (units <= 0 || units > maxQuantity) {
            throw new InvalidInputException("quantity must be between 1 and " + maxQuantity);
        }
        if (holdSeconds != null && (holdSeconds < 1 || holdSeconds > maxHoldSeconds)) {
            throw new InvalidInputException("hold_seconds must be between 1 and " + maxHoldSeconds);
        }
        HoldTerms hold = new HoldTerms(requester.customer(),
                Instant.now().plusSeconds(holdSeconds == null ? maxHoldSeconds : holdSeconds), heldUnitsLimit);
        return reserve(product, id, new Quantity(units), strategy, hold);
    }

    /**
     * Takes a flash sale's units out of the product's stock: a pessimistic reservation keyed by the sale, without the
     * per-request maximum of {@code flashsale.stock.max-quantity} (the sale's own rules bound its size), in the
     * caller's transaction, so that the sale and its units commit together.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ReservationView reserveForSale(ProductId product, ReservationId id, int units) {
        if (units <= 0) {
            throw new InvalidInputException("a sale needs at least one unit");
        }
        return transactions.reserveForSale(product, id, new Quantity(units));
    }

    private ReservationView reserve(ProductId product, ReservationId id, Quantity quantity,
                                    ReservationStrategy strategy, HoldTerms hold) {
        try (Timer.Context timed = metrics.reservationTimer(strategy).time()) {
            return switch (strategy) {
                case PESSIMISTIC -> transactions.reserveWithRowLock(product, id, quantity, hold);
                case OPTIMISTIC -> reserveOptimistically(product, id, quantity, hold);
                case REDIS_LOCK -> reserveUnderLease(product, id, quantity, hold);
            };
        } catch (DuplicateReservationException lostTheInsertRace) {
            return transactions.replayExisting(product, id, quantity, hold);
        }
    }

    public ReleaseView release(ProductId product, ReservationId id, Requester requester) {
        return transactions.release(product, id, requester);
    }

    /**
     * Keeps {@code keptUnits} of the reservation for good and returns the rest of it to the product, in the caller's
     * transaction (the sale is marked settled in the same one).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ReleaseView settle(ReservationId id, int keptUnits) {
        return transactions.settle(id, keptUnits);
    }

    private ReservationView reserveOptimistically(ProductId product, ReservationId id, Quantity quantity,
                                                  HoldTerms hold) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.reserveWithVersionCheck(product, id, quantity, hold);
            } catch (StaleProductException stale) {
                metrics.optimisticRetry();
                if (attempt >= optimisticAttempts) {
                    throw new ContentionException("gave up after " + attempt + " optimistic attempts; retry");
                }
                backOff(attempt);
            }
        }
    }

    private ReservationView reserveUnderLease(ProductId product, ReservationId id, Quantity quantity,
                                              HoldTerms hold) {
        String key = "product:" + product.value();
        long waitStarted = System.nanoTime();
        Optional<ProductLock.Lease> acquired = productLock.acquire(key, Duration.ofMillis(leaseMillis),
                Duration.ofMillis(lockWaitMillis));
        metrics.lockWait(Duration.ofNanos(System.nanoTime() - waitStarted), acquired.isPresent());
        ProductLock.Lease lease = acquired.orElseThrow(() -> new ContentionException("waited " + lockWaitMillis
                + " ms for the product lock; retry"));
        try {
            return transactions.reserveWithConditionalUpdate(product, id, quantity, hold);
        } finally {
            lease.release();
        }
    }

    /** Exponential backoff with full jitter: spreads the retries of writers that collided. */
    private void backOff(int attempt) {
        long ceilingMicros = optimisticBackoffMillis * 1000L << Math.min(attempt - 1, 6);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceilingMicros + 1) * 1000L);
    }
}
