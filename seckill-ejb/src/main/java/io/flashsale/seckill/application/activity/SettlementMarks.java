package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.application.port.PurchasePipeline.Mark;
import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per ended sale, where the purchases topic ended once every send of the sale's purchases was over (its end plus the
 * send timeout): when the order writer has consumed up to there, every purchase of the sale that reached Kafka is
 * written, whatever the other sales publish meanwhile (the whole backlog may never be 0 under steady traffic). The
 * sales of one check share one mark and one read of the writer's progress, and a sale found written is not asked
 * about again: a backlog of hundreds of ended sales costs Kafka what one does. Kept in memory by the instance running
 * the settlement; another one taking over marks again, later, which only waits longer.
 */
@ApplicationScoped
public class SettlementMarks {

    @Inject
    PurchasePipeline pipeline;

    @Inject
    @ConfigProperty(name = "flashsale.kafka.send-timeout-millis", defaultValue = "3000")
    long sendTimeoutMillis;

    private final Map<ActivityId, Mark> ofEndedActivities = new ConcurrentHashMap<>();
    private final Set<ActivityId> written = ConcurrentHashMap.newKeySet();

    /** Whether every purchase of the sale that ended at {@code endsAt} and reached Kafka has been written. */
    public boolean allWritten(ActivityId activity, Instant endsAt) {
        return allWritten(Map.of(activity, endsAt)).contains(activity);
    }

    /**
     * Of the ended sales given with their ends, those every purchase of which that reached Kafka has been written: at
     * most one mark and one read of the order writer's progress for all of them.
     */
    public Set<ActivityId> allWritten(Map<ActivityId, Instant> endings) {
        Instant now = Instant.now();
        Set<ActivityId> done = new HashSet<>();
        Map<ActivityId, Mark> waiting = new HashMap<>();
        Mark markNow = null;
        for (Map.Entry<ActivityId, Instant> ending : endings.entrySet()) {
            ActivityId id = ending.getKey();
            if (written.contains(id)) {
                done.add(id);
            } else if (!now.isBefore(ending.getValue().plusMillis(sendTimeoutMillis + 1_000))) {
                Mark mark = ofEndedActivities.get(id);
                if (mark == null) { // every send of the sale is over: where the topic ends now is past them all
                    markNow = markNow == null ? pipeline.mark() : markNow;
                    mark = markNow;
                    ofEndedActivities.put(id, mark);
                }
                waiting.put(id, mark);
            } // else a send may still be on its way
        }
        if (!waiting.isEmpty()) {
            Mark consumed = pipeline.consumed();
            waiting.forEach((id, mark) -> {
                if (consumed.covers(mark)) {
                    written.add(id);
                    ofEndedActivities.remove(id);
                    done.add(id);
                }
            });
        }
        return done;
    }

    public void forget(ActivityId activity) {
        ofEndedActivities.remove(activity);
        written.remove(activity);
    }
}
