package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.port.ProductStock;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating and reading flash sales. Their units come out of the product context through its reservation API. */
@Stateless
public class ActivityService {

    private static final long SETTLEMENT_LOCK_MILLIS = 60_000;

    @Inject
    ProductStock productStock;

    @Inject
    ActivityRepository activities;

    @Inject
    StockLedger ledger;

    @Inject
    OrderRepository orders;

    @Inject
    SettlementMarks marks;

    @Inject
    ActivityCache activityCache;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.warm-up-seconds", defaultValue = "60")
    long warmUpSeconds;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.payment-window-seconds", defaultValue = "900")
    int defaultPaymentWindowSeconds;

    /** {@code paymentWindowSeconds} null: the configured default. */
    public ActivityView create(long productId, BigDecimal price, int stock, int perUserLimit, Instant startsAt,
                               Instant endsAt, Integer paymentWindowSeconds) {
        Instant now = Instant.now();
        String reservation = UUID.randomUUID().toString();
        // validates before anything is reserved
        SeckillActivity activity = new SeckillActivity(productId, price, stock, perUserLimit, startsAt, endsAt,
                paymentWindowSeconds == null ? defaultPaymentWindowSeconds : paymentWindowSeconds, reservation, now);
        if (productId <= 0) {
            throw new NotFoundException("product", productId);
        }
        // one transaction: the sale and the reservation of its units are stored together or not at all
        productStock.reserveForActivity(productId, reservation, stock);
        boolean warmNow = startsAt.isBefore(now.plus(Duration.ofSeconds(warmUpSeconds)));
        if (warmNow) {
            activity.warmedAt(now);
        }
        activities.store(activity);
        if (warmNow) {
            ledger.warm(activity.id(), stock, perUserLimit, startsAt, endsAt, activity.paymentsCloseAt());
        }
        return ActivityView.of(activity, stock, now);
    }

    /** Puts the units of sales starting soon on sale in Redis, once per activity. */
    public void warmStarting() {
        Instant now = Instant.now();
        for (SeckillActivity activity : activities.openOrStartingBefore(now, now.plusSeconds(warmUpSeconds))) {
            if (!activity.warmed()) {
                ledger.warm(activity.id(), activity.remaining(), activity.perUserLimit(), activity.startsAt(),
                        activity.endsAt(), activity.paymentsCloseAt());
                activities.markWarmed(activity.id(), now);
            }
        }
    }

    /** Sales whose window is open now. */
    public List<ActivityId> onNow() {
        Instant now = Instant.now();
        return activities.openOrStartingBefore(now, now).stream().map(SeckillActivity::id).toList();
    }

    /** Sales whose window has closed and that are not settled yet. */
    public List<ActivityId> endedUnsettled(Instant now) {
        return activities.endedUnsettled(now).stream().map(SeckillActivity::id).toList();
    }

    /** Sales whose Redis copy may hold purchases: on now, or ended and not yet settled. */
    public List<ActivityId> notSettled() {
        List<ActivityId> ids = new ArrayList<>(onNow());
        ids.addAll(endedUnsettled(Instant.now()));
        return ids;
    }

    /** Sales on now whose Redis counter vanished after they were warmed: Redis lost its data. */
    public List<ActivityId> missingInLedger() {
        Instant now = Instant.now();
        List<ActivityId> warmed = activities.openOrStartingBefore(now, now).stream()
                .filter(SeckillActivity::warmed)
                .map(SeckillActivity::id)
                .toList();
        return ledger.remaining(warmed).entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Ended sales that may settle now: none of their orders awaits payment, none of their purchases is unclaimed in
     * Redis or still on its way through Kafka. One query, one Redis round trip and at most two Kafka calls for all of
     * them, however many sales are waiting for their payments.
     */
    public List<ActivityId> endedAndPaidUp(Instant now) {
        Map<ActivityId, Instant> ended = activities.endedUnsettled(now).stream()
                .collect(Collectors.toMap(SeckillActivity::id, SeckillActivity::endsAt));
        if (ended.isEmpty()) {
            return List.of();
        }
        Set<ActivityId> awaitingPayment = orders.withUnpaidOrders(ended.keySet());
        List<ActivityId> paidUp = ended.keySet().stream().filter(id -> !awaitingPayment.contains(id)).toList();
        Map<ActivityId, Optional<Instant>> unclaimed = ledger.oldestUnclaimed(paidUp);
        Map<ActivityId, Instant> allClaimed = paidUp.stream().filter(id -> unclaimed.get(id).isEmpty())
                .collect(Collectors.toMap(id -> id, ended::get));
        Set<ActivityId> written = marks.allWritten(allClaimed);
        return allClaimed.keySet().stream().filter(written::contains).toList();
    }

    /**
     * Returns the unsold units of an ended sale to the product, once no order of it can change any more (none
     * awaiting payment, none still on its way through Kafka). True when it was settled by this call.
     */
    public boolean settleIfDone(ActivityId id) {
        SeckillActivity activity = activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        if (activity.settled() || orders.countUnpaid(id) > 0 || ledger.oldestUnclaimed(id).isPresent()
                || !marks.allWritten(id, activity.endsAt())) {
            return false;
        }
        String token = UUID.randomUUID().toString();
        if (!ledger.lockMaintenance(id, token, SETTLEMENT_LOCK_MILLIS)) {
            return false; // a rebuild is running: next time
        }
        try {
            int sold = activities.totals(id).soldUnits();
            if (!activities.markSettled(id, Instant.now())) {
                return false;
            }
            productStock.settle(activity.reservationId(), sold);
            ledger.forget(id); // the lock too
        } finally {
            ledger.unlockMaintenance(id, token);
        }
        activityCache.forget(id);
        marks.forget(id);
        return true;
    }

    /** For {@link ActivityCache}; no transaction is begun for this one primary-key read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ActivityTerms> terms(ActivityId id) {
        return activities.find(id).map(ActivityTerms::of);
    }

    public ActivityView find(ActivityId id) {
        SeckillActivity activity = activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        int remaining = activity.settled() ? 0 : ledger.remaining(id).orElse(activity.remaining());
        return ActivityView.of(activity, remaining, Instant.now());
    }
}
