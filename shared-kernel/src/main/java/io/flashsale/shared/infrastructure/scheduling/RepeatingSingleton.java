package io.flashsale.shared.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;

/**
 * Base of a {@code @Singleton @Startup} bean whose {@link #runOnce()} repeats as a {@link RepeatingJob} from start to
 * undeployment. Each run goes through the bean's container proxy, so the subclass's transaction attribute applies
 * ({@code runOnce} must be declared there, where the class-level attribute covers it). Every run is timed in
 * {@code flashsale_job_run_seconds{job}}: a periodic job that slows down as data grows shows there first.
 */
public abstract class RepeatingSingleton {

    @Resource
    ManagedThreadFactory threads;

    @Resource
    SessionContext context;

    /** Also for the job's own metrics. */
    @Inject
    protected MetricRegistry registry;

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

    /**
     * Whether the last run stopped at its budget with work left: the next one then starts at once. A job whose runs
     * are bounded overrides this; read right after each run, on the job's thread.
     */
    protected boolean leftWork() {
        return false;
    }

    @PostConstruct
    void startRepeating() {
        RepeatingSingleton self = context.getBusinessObject(getClass());
        Timer runs = registry.timer(Metadata.builder().withName("flashsale_job_run")
                .withDescription("Duration of each run of a periodic job").withUnit(MetricUnits.SECONDS).build(),
                new Tag("job", jobName.replace(' ', '-')));
        job = RepeatingJob.start(threads, jobName, delay, () -> {
            runs.time(self::runOnce);
            return leftWork(); // this instance's own state: the singleton behind the proxy
        });
    }

    @PreDestroy
    void stopRepeating() {
        job.close();
    }
}
