package io.flashsale.shared.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.time.Duration;

/**
 * Base of a {@code @Singleton @Startup} bean whose {@link #runOnce()} repeats as a {@link RepeatingJob} from start to
 * undeployment. Each run goes through the bean's container proxy, so the subclass's transaction attribute applies
 * ({@code runOnce} must be declared there, where the class-level attribute covers it).
 */
public abstract class RepeatingSingleton {

    @Resource
    ManagedThreadFactory threads;

    @Resource
    SessionContext context;

    private final String jobName;
    private final Duration delay;
    private RepeatingJob job;

    /** {@code delay}: between the end of one run and the start of the next. */
    protected RepeatingSingleton(String jobName, Duration delay) {
        this.jobName = jobName;
        this.delay = delay;
    }

    /** One run; declared by the subclass. */
    public abstract void runOnce();

    @PostConstruct
    void startRepeating() {
        RepeatingSingleton self = context.getBusinessObject(getClass());
        job = RepeatingJob.start(threads, jobName, delay, self::runOnce);
    }

    @PreDestroy
    void stopRepeating() {
        job.close();
    }
}
