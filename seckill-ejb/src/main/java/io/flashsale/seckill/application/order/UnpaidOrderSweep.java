package io.flashsale.seckill.application.order;

import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.infrastructure.scheduling.LeasedJob;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
public class UnpaidOrderSweep extends LeasedJob {

    private static final int BATCH = 100;
    private static final long BUDGET_MILLIS = 50;

    @Inject
    OrderLifecycleService lifecycle;

    public UnpaidOrderSweep() {
        super("seckill unpaid sweep", Duration.ofSeconds(2));
    }

    @Override
    protected boolean runLeased() {
        long started = System.nanoTime();
        boolean full;
        do {
            List<OrderId> cancelled = lifecycle.cancelUnpaidDue(Instant.now(), BATCH);
            if (!cancelled.isEmpty()) {
                lifecycle.releaseInCache(cancelled);
            }
            full = cancelled.size() == BATCH;
        } while (full && System.nanoTime() - started < BUDGET_MILLIS * 1_000_000L);
        return full;
    }
}
