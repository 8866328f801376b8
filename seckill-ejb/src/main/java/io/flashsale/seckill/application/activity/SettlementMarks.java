package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.port.PurchasePipeline.Mark;
import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per ended sale, where the purchases topic ended once every send of the sale's purchases was over (its end plus the
 * send timeout): when the order writer has consumed up to there, every purchase of the sale that reached Kafka is
 * written, whatever the other sales publish meanwhile (the whole backlog may never be 0 under steady traffic). Kept
 * in memory by the instance running housekeeping; another one taking over marks again, later, which only waits
 * longer.
 */
@ApplicationScoped
public class SettlementMarks {

    @Inject
    PurchasePipeline pipeline;

    @Inject
    @ConfigProperty(name = "flashsale.kafka.send-timeout-millis", defaultValue = "3000")
    long sendTimeoutMillis;

    private final Map<ActivityId, Mark> ofEndedActivities = new ConcurrentHashMap<>();

    /** Whether every purchase of the sale that ended at {@code endsAt} and reached Kafka has been written. */
    public boolean allWritten(ActivityId activity, Instant endsAt) {
        if (Instant.now().isBefore(endsAt.plusMillis(sendTimeoutMillis + 1_000))) {
            return false; // a send may still be on its way
        }
        Mark mark = ofEndedActivities.get(activity);
        if (mark == null) {
            mark = pipeline.mark();
            ofEndedActivities.put(activity, mark);
        }
        return pipeline.consumedUpTo(mark);
    }

    public void forget(ActivityId activity) {
        ofEndedActivities.remove(activity);
    }
}
