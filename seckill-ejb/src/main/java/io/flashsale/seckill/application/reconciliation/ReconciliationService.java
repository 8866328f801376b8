package io.flashsale.seckill.application.reconciliation;

import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.ActivityTotals;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import io.flashsale.seckill.domain.model.activity.CacheSnapshot;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** Compares the Redis copy of a sale with MySQL, and rebuilds the copy from MySQL once the pipeline is drained. */
@Stateless
public class ReconciliationService {

    @Inject
    ActivityRepository activities;

    @Inject
    OrderRepository orders;

    @Inject
    StockLedger ledger;

    @Inject
    PurchasePipeline pipeline;

    @Inject
    ActivityGauges drift;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.rebuild.drain-wait-millis", defaultValue = "10000")
    long drainWaitMillis;

    @Inject
    @ConfigProperty(name = "flashsale.kafka.send-timeout-millis", defaultValue = "3000")
    long sendTimeoutMillis;

    public ReconciliationReport check(ActivityId id) {
        activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        return compare(id, pipeline.backlog());
    }

    /**
     * The periodic check of the given sales: publishes each one's drift from the counters of both sides, O(1) per
     * sale whatever its size, in one Redis round trip and one query for all (a copy warmed before Redis kept its
     * counter is compared order by order). Units are conserved on each side, so Redis's units left and held must add
     * up to the sale's units. The order writer claims a purchase in Redis before writing it, and a cancelled or
     * rejected order leaves Redis after it stopped being live in MySQL: so MySQL never has more live orders than
     * Redis has claimed ones, unless Redis lost writes. MySQL is read first: read the other way round, the orders
     * claimed and written between the two reads looked lost (growth benchmark: two live sales paused for a rebuild
     * mid-stampede).
     */
    public Map<ActivityId, DriftCheck> recordDrift(List<ActivityId> ids) {
        Map<ActivityId, ActivityTotals> mysql = activities.totals(ids);
        Map<ActivityId, CacheCounters> redis = ledger.counters(ids);
        Map<ActivityId, DriftCheck> checks = new LinkedHashMap<>();
        for (ActivityId id : ids) {
            CacheCounters copy = redis.get(id);
            ActivityTotals truth = mysql.get(id);
            if (!copy.warm() || truth == null) {
                drift.record(id, 0);
                checks.put(id, new DriftCheck(false, 0, false));
            } else if (copy.heldUnits().isEmpty()) {
                ReconciliationReport exact = compare(id, -1);
                checks.put(id, new DriftCheck(true, exact.driftUnits(), exact.missingInCacheUnits() > 0));
            } else {
                int driftUnits = truth.stock() - copy.remaining() - copy.heldUnits().getAsInt();
                drift.record(id, driftUnits);
                checks.put(id, new DriftCheck(true, driftUnits, truth.liveOrders() > copy.claimedOrders()));
            }
        }
        return checks;
    }

    /** What the periodic check found: the drift in units, and whether Redis lost orders MySQL holds. */
    public record DriftCheck(boolean warm, int driftUnits, boolean lostOrders) {
    }

    private ReconciliationReport compare(ActivityId id, long backlog) {
        // MySQL first (see recordDrift): an order written after the Redis read would look missing from the copy
        ActivityTotals truth = activities.totals(id);
        Map<OrderId, Integer> live = orders.liveOrderUnits(id);
        CacheSnapshot snapshot = ledger.snapshot(id);
        int mysqlRemaining = truth.remaining();
        List<HeldPurchase> pending = snapshot.held().stream().filter(h -> !live.containsKey(h.orderId())).toList();
        Set<OrderId> held = snapshot.held().stream().map(HeldPurchase::orderId).collect(Collectors.toSet());
        int missing = live.entrySet().stream().filter(o -> !held.contains(o.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        int pendingUnits = pending.stream().mapToInt(HeldPurchase::quantity).sum();
        // from the counters where Redis keeps them (read at one moment, exact while purchases go on); a copy warmed
        // before the counter existed is compared order by order
        OptionalInt counted = snapshot.counters().heldUnits();
        int driftUnits = !snapshot.warm() ? 0 : counted.isPresent()
                ? truth.stock() - snapshot.remaining() - counted.getAsInt()
                : mysqlRemaining - snapshot.remaining() - pendingUnits;
        drift.record(id, driftUnits);
        Instant now = Instant.now();
        long oldestPendingSeconds = pending.stream().map(HeldPurchase::acceptedAt).min(Instant::compareTo)
                .map(taken -> Duration.between(taken, now).toSeconds()).orElse(0L);
        return new ReconciliationReport(id.value(), snapshot.warm(), snapshot.remaining(), pending.size(),
                pendingUnits, mysqlRemaining, live.size(), missing, driftUnits, backlog, oldestPendingSeconds);
    }

    /**
     * Pauses the sale, waits for the order writer to drain the pipeline, then replaces the Redis copy with what
     * MySQL knows (units left, live orders as claimed buyers) and resumes the sale, in one atomic script. One rebuild
     * (or settlement) of a sale runs at a time across instances: the sale's maintenance lock is taken first, and the
     * final write happens only if this rebuild still holds it.
     */
    public ReconciliationReport rebuild(ActivityId id) {
        activities.find(id).orElseThrow(() -> new NotFoundException("activity", id));
        Map<ActivityId, String> locked = lock(List.of(id));
        if (locked.isEmpty()) {
            throw new MaintenanceInProgressException(id);
        }
        rebuildLocked(locked);
        return check(id);
    }

    /**
     * Rebuilds the sales whose Redis copy vanished (Redis lost its data) together: one wait for the sends in flight
     * and for the pipeline, however many sales there are. Sales another instance is rebuilding are left to it.
     */
    public void restore(List<ActivityId> lost) {
        Map<ActivityId, String> locked = lock(lost);
        if (!locked.isEmpty()) {
            rebuildLocked(locked);
        }
    }

    private Map<ActivityId, String> lock(List<ActivityId> ids) {
        Map<ActivityId, String> locked = new LinkedHashMap<>();
        for (ActivityId id : ids) {
            String token = UUID.randomUUID().toString();
            if (ledger.lockMaintenance(id, token, pauseMillis())) {
                locked.put(id, token);
            }
        }
        return locked;
    }

    private void rebuildLocked(Map<ActivityId, String> locked) {
        boolean rebuilt = false;
        try {
            locked.keySet().forEach(id -> ledger.pause(id, pauseMillis()));
            // purchases accepted just before the pause are still waiting for Kafka: let each end in an ack or an undo
            LockSupport.parkNanos((sendTimeoutMillis + 500) * 1_000_000L);
            long deadline = System.nanoTime() + drainWaitMillis * 1_000_000L;
            // everything published until now: other sales' purchases published meanwhile need not be waited for
            PurchasePipeline.Mark published = pipeline.mark();
            while (!pipeline.consumedUpTo(published)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new PipelineNotDrainedException(locked.keySet().iterator().next());
                }
                LockSupport.parkNanos(200_000_000L);
            }
            for (Map.Entry<ActivityId, String> lockOf : locked.entrySet()) {
                ActivityId id = lockOf.getKey();
                SeckillActivity activity = activities.find(id).orElseThrow();
                int remaining = activities.lockRemaining(id); // first: a cancellation committing meanwhile waits
                List<HeldPurchase> live = orders.liveOrders(id).stream()
                        .map(o -> new HeldPurchase(o.orderId(), o.userId(), o.quantity(), o.createdAt(), true))
                        .toList();
                if (!ledger.rebuild(id, lockOf.getValue(), remaining, live)) {
                    throw new MaintenanceInProgressException(id); // our lock expired and another took over
                }
                ledger.warm(id, remaining, activity.perUserLimit(), activity.startsAt(), activity.endsAt(),
                        activity.paymentsCloseAt()); // metadata and expiry
            }
            rebuilt = true;
        } finally {
            if (!rebuilt) {
                resume(locked); // a rebuild that gave up changed nothing: the sale sells on at once
            }
            locked.forEach(ledger::unlockMaintenance);
        }
    }

    private void resume(Map<ActivityId, String> locked) {
        try {
            locked.forEach(ledger::resume);
        } catch (RuntimeException redisFailedToo) {
            // the pause then ends when it expires; the failure that stopped the rebuild is the one to answer
        }
    }

    private long pauseMillis() {
        return drainWaitMillis + sendTimeoutMillis + 30_000;
    }

    public static class MaintenanceInProgressException extends DomainException {
        MaintenanceInProgressException(ActivityId id) {
            super(Kind.CONFLICT, "maintenance-in-progress", "a rebuild or settlement of activity " + id
                    + " is running; retry once it is over");
        }
    }

    public static class PipelineNotDrainedException extends DomainException {
        PipelineNotDrainedException(ActivityId id) {
            super(Kind.CONFLICT, "pipeline-not-drained", "purchases of activity " + id
                    + " are still on their way to MySQL; the sale stays paused briefly, retry the rebuild");
        }
    }
}
