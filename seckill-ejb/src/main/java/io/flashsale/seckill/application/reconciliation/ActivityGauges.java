package io.flashsale.seckill.application.reconciliation;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-activity gauges: {@code seckill_reconciliation_drift_units{activity}} from the last reconciliation and
 * {@code seckill_remaining_units{activity}} (Redis) for the sales on now; removed once a sale is no longer on.
 */
@ApplicationScoped
public class ActivityGauges {

    private static final Metadata DRIFT = Metadata.builder().withName("seckill_reconciliation_drift_units")
            .withDescription("MySQL remaining minus (Redis remaining + units of purchases not yet durable), from the"
                    + " last reconciliation of the activity; anything but 0 needs a look").build();
    private static final Metadata REMAINING = Metadata.builder().withName("seckill_remaining_units")
            .withDescription("Units left in Redis for an activity on sale").build();

    @Inject
    MetricRegistry registry;

    private final ConcurrentMap<Long, AtomicInteger> drift = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, AtomicInteger> remaining = new ConcurrentHashMap<>();

    public void record(ActivityId id, int driftUnits) {
        gauge(drift, DRIFT, id).set(driftUnits);
    }

    public void remaining(ActivityId id, int units) {
        gauge(remaining, REMAINING, id).set(units);
    }

    /**
     * Removes the gauges of every sale not in {@code onNow}: a sale's gauges live while it is on, not for as long as
     * the instance runs (months of sales would otherwise each leave two time series behind).
     */
    public void retainOnly(Collection<ActivityId> onNow) {
        Set<Long> keep = onNow.stream().map(ActivityId::value).collect(Collectors.toSet());
        forgetAllBut(drift, DRIFT, keep);
        forgetAllBut(remaining, REMAINING, keep);
    }

    private void forgetAllBut(ConcurrentMap<Long, AtomicInteger> values, Metadata metadata, Set<Long> keep) {
        for (Long activity : values.keySet()) {
            if (!keep.contains(activity)) {
                values.remove(activity);
                registry.remove(new MetricID(metadata.getName(), new Tag("activity", Long.toString(activity))));
            }
        }
    }

    private AtomicInteger gauge(ConcurrentMap<Long, AtomicInteger> values, Metadata metadata, ActivityId id) {
        return values.computeIfAbsent(id.value(), key -> {
            AtomicInteger value = new AtomicInteger();
            registry.gauge(metadata, value, AtomicInteger::get, new Tag("activity", Long.toString(key)));
            return value;
        });
    }
}
