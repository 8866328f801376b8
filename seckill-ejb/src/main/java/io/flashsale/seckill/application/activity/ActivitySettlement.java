package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.infrastructure.scheduling.LeasedJob;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
public class ActivitySettlement extends LeasedJob {

    private static final long BUDGET_MILLIS = 40;

    @Inject
    ActivityService activities;

    public ActivitySettlement() {
        super("seckill settlement", Duration.ofSeconds(2));
    }

    @Override
    protected boolean runLeased() {
        long started = System.nanoTime();
        List<ActivityId> ended = new ArrayList<>(activities.endedAndPaidUp(Instant.now()));
        Collections.shuffle(ended);
        for (int i = 0; i < ended.size(); i++) {
            activities.settleIfDone(ended.get(i));
            if (System.nanoTime() - started > BUDGET_MILLIS * 1_000_000L) {
                return i < ended.size() - 1;
            }
        }
        return false;
    }
}
