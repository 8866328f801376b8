package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.port.ClusterLease;
import io.flashsale.seckill.domain.model.activity.ActivityId;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, on the one instance that holds its cluster lease: settles ended sales with the product (their
 * unsold units back, their Redis copy freed) once none of their orders can change any more, for at most
 * {@value #BUDGET_MILLIS} ms a run, the next run coming at once while sales are left. Hundreds of sales ending together
 * took a run 0.6-2 s at rest (growth benchmark), each sale costing a few round trips and two commits; as a step of
 * {@link ActivityHousekeeping} its budget kept the other steps waiting as well. Shuffled, so a sale that keeps waiting
 * cannot starve the others.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActivitySettlement extends RepeatingSingleton {

    private static final Logger LOG = Logger.getLogger(ActivitySettlement.class.getName());
    private static final long BUDGET_MILLIS = 40;
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Inject
    ClusterLease lease;

    @Inject
    ActivityService activities;

    private volatile boolean salesLeft;

    public ActivitySettlement() {
        super("seckill settlement", Duration.ofSeconds(2));
    }

    @Override
    public void runOnce() {
        salesLeft = false;
        try {
            if (lease.hold("seckill-settlement", LEASE)) {
                settleEnded();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "seckill settlement failed, retried next run: {0}", e.toString());
        }
    }

    @Override
    protected boolean leftWork() {
        return salesLeft;
    }

    private void settleEnded() {
        salesLeft = false;
        long started = System.nanoTime();
        List<ActivityId> ended = new ArrayList<>(activities.endedAndPaidUp(Instant.now()));
        Collections.shuffle(ended);
        for (int i = 0; i < ended.size(); i++) {
            activities.settleIfDone(ended.get(i));
            if (System.nanoTime() - started > BUDGET_MILLIS * 1_000_000L) {
                salesLeft = i < ended.size() - 1;
                return;
            }
        }
    }
}
