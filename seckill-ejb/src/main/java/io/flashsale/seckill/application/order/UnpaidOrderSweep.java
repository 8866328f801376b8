package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.port.ClusterLease;
import io.flashsale.seckill.domain.model.order.OrderId;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, on the one instance that holds its cluster lease: cancels orders unpaid past their payment
 * deadline (their units back on sale, each with its event) and gives their holds back in Redis, in batches of
 * {@value #BATCH} (one transaction each) for at most {@value #BUDGET_MILLIS} ms a run; while due orders are left the
 * next run comes at once. Half a million abandoned orders are cancelled in minutes, and no run holds its thread and
 * the lease for long (as a housekeeping step with a budget of a second, every other step waited behind it).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnpaidOrderSweep extends RepeatingSingleton {

    private static final Logger LOG = Logger.getLogger(UnpaidOrderSweep.class.getName());
    private static final int BATCH = 100;
    private static final long BUDGET_MILLIS = 50;
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Inject
    ClusterLease lease;

    @Inject
    OrderLifecycleService lifecycle;

    private volatile boolean dueLeft;

    public UnpaidOrderSweep() {
        super("seckill unpaid sweep", Duration.ofSeconds(2));
    }

    @Override
    public void runOnce() {
        dueLeft = false;
        try {
            if (lease.hold("seckill-unpaid-sweep", LEASE)) {
                cancelDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "seckill unpaid sweep failed, retried next run: {0}", e.toString());
        }
    }

    @Override
    protected boolean leftWork() {
        return dueLeft;
    }

    private void cancelDue() {
        long started = System.nanoTime();
        boolean full;
        do {
            List<OrderId> cancelled = lifecycle.cancelUnpaidDue(Instant.now(), BATCH);
            if (!cancelled.isEmpty()) {
                lifecycle.releaseInCache(cancelled);
            }
            full = cancelled.size() == BATCH;
        } while (full && System.nanoTime() - started < BUDGET_MILLIS * 1_000_000L);
        dueLeft = full;
    }
}
