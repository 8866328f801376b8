package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.order.HoldSweeper;
import io.flashsale.seckill.application.order.OrderArchive;
import io.flashsale.seckill.application.order.OrderLifecycleService;
import io.flashsale.seckill.application.order.OrderQueryService;
import io.flashsale.seckill.application.order.UnpaidOrderSweep;
import io.flashsale.seckill.application.port.ClusterLease;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.application.reconciliation.ActivityGauges;
import io.flashsale.seckill.application.reconciliation.ReconciliationService;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, on the one instance that holds the cluster lease: warms sales about to start, reconciles the
 * sales on now (every tenth second, from counters; the drift metric; a copy that lost orders is rebuilt), restores a
 * Redis copy that vanished, releases holds that never reached Kafka ({@link HoldSweeper}), releases the holds of
 * cancelled and rejected orders left pending and archives the orders of sales settled long ago ({@link OrderArchive}).
 * Orders unpaid past their deadline are cancelled by {@link UnpaidOrderSweep}, ended sales settled by
 * {@link ActivitySettlement}: jobs of their own, whose runs end at a budget and follow each other at once while a
 * backlog lasts.
 * Each step is its own transaction(s), timed in {@code seckill_housekeeping_step_seconds}; a failing step is retried
 * on the next tick. Every instance publishes the remaining-units gauge. No step reads a sale order by order: the
 * history of months costs what an empty platform does (growth benchmark).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActivityHousekeeping extends RepeatingSingleton {

    private static final Logger LOG = Logger.getLogger(ActivityHousekeeping.class.getName());
    private static final int BATCH = 200;
    private static final int RECONCILE_EVERY_TICKS = 5;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Metadata STEP = Metadata.builder().withName("seckill_housekeeping_step")
            .withDescription("Duration of each step of a housekeeping run").withUnit(MetricUnits.SECONDS).build();

    @Inject
    ClusterLease lease;

    @Inject
    ActivityService activities;

    @Inject
    OrderLifecycleService lifecycle;

    @Inject
    ReconciliationService reconciliation;

    @Inject
    OrderQueryService queries;

    @Inject
    OrderArchive archive;

    @Inject
    ActivityGauges gauges;

    @Inject
    HoldSweeper holds;

    @Inject
    StockLedger ledger;

    private final Map<String, Timer> steps = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private long ticks;

    public ActivityHousekeeping() {
        super("seckill housekeeping", Duration.ofSeconds(2));
    }

    @Override
    public void runOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            step("remaining gauges", this::publishRemaining);
            // the lease is renewed before every step: a step that ran long (a rebuild waits for the pipeline) must
            // not let another instance start the same work while this one carries on
            if (ticks++ % RECONCILE_EVERY_TICKS == 0) {
                leased("reconcile", this::reconcileActivitiesOnNow);
            }
            leased("warm-up", activities::warmStarting);
            leased("restore lost cache", this::restoreLostCaches);
            leased("release stuck holds", () -> holds.sweep(activities.notSettled()));
            leased("release cancelled and rejected in cache", this::releaseCancelledInCache);
            leased("archive settled", archive::archiveNextBatch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "seckill housekeeping could not take its lease: {0}", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** Every instance publishes the units left of the sales on now (one round trip), and drops the others'. */
    private void publishRemaining() {
        List<ActivityId> onNow = activities.onNow();
        ledger.remaining(onNow).forEach((id, units) -> units.ifPresent(left -> gauges.remaining(id, left)));
        gauges.retainOnly(onNow);
    }

    private void reconcileActivitiesOnNow() {
        List<ActivityId> partlyLost = new ArrayList<>();
        reconciliation.recordDrift(activities.onNow()).forEach((id, check) -> {
            if (check.lostOrders()) {
                partlyLost.add(id);
            }
        });
        // a durable order Redis does not hold means Redis lost writes (its last second of AOF, a promoted replica):
        // its buyers and counters cannot be trusted either, so the copy is rebuilt from MySQL
        if (!partlyLost.isEmpty()) {
            LOG.log(Level.WARNING, "the Redis copy of activities {0} lost orders MySQL holds; rebuilding it",
                    partlyLost);
            reconciliation.restore(partlyLost);
        }
    }

    private void restoreLostCaches() {
        List<ActivityId> lost = activities.missingInLedger();
        if (!lost.isEmpty()) {
            LOG.log(Level.WARNING, "the Redis copy of activities {0} is gone; rebuilding it from MySQL", lost);
            reconciliation.restore(lost);
        }
    }

    private void releaseCancelledInCache() {
        List<OrderId> pending = queries.cancelledWithCacheReleasePending(BATCH);
        if (!pending.isEmpty()) {
            lifecycle.releaseInCache(pending);
        }
    }

    private void leased(String name, Runnable step) {
        if (lease.hold("seckill-housekeeping", LEASE)) {
            step(name, step);
        }
    }

    private void step(String name, Runnable step) {
        Timer timer = steps.computeIfAbsent(name, n -> registry.timer(STEP, new Tag("step", n.replace(' ', '-'))));
        try (Timer.Context timed = timer.time()) {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "seckill housekeeping step ''{0}'' failed, retried next tick: {1}",
                    new Object[] {name, e.toString()});
        }
    }
}
