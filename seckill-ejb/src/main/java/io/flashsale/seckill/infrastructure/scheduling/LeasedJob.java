package io.flashsale.seckill.infrastructure.scheduling;

import io.flashsale.seckill.application.port.ClusterLease;
import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A periodic job that runs on the one instance holding its cluster lease (named after the job), in runs that end at a
 * budget: {@link #runLeased} returns whether it left work, and the next run then comes at once. A failed run is logged
 * and the next one comes anyway. Runs are outside any transaction (declared here, so that it covers {@link #runOnce}).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class LeasedJob extends RepeatingSingleton {

    private static final Logger LOG = Logger.getLogger(LeasedJob.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(10);

    @Inject
    private ClusterLease lease;

    private final String jobName;
    private volatile boolean workLeft;

    protected LeasedJob(String jobName, Duration delay) {
        super(jobName, delay);
        this.jobName = jobName;
    }

    /** One run's work, under the lease; returns whether it stopped at its budget with work left. */
    protected abstract boolean runLeased();

    @Override
    public void runOnce() {
        workLeft = false;
        try {
            if (lease.hold(jobName.replace(' ', '-'), LEASE)) {
                workLeft = runLeased();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0} failed, retried next run: {1}", new Object[] {jobName, e.toString()});
        }
    }

    @Override
    protected boolean leftWork() {
        return workLeft;
    }
}
