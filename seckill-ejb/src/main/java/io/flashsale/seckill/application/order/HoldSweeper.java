package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.activity.ActivityCache;
import io.flashsale.seckill.application.port.PurchasePipeline.Mark;
import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.seckill.application.port.StockLedger.UndoOutcome;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.Metric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases holds that will never become orders: units Redis took for a purchase whose Kafka send never happened (the
 * instance died between the two steps) or failed with an undo that failed too. Such a hold is told apart from one on
 * its way by the order writer's own claim protocol: once a hold is older than the release bound (longer than any
 * Kafka delivery may take) and the order writer has committed everything the topic held a send timeout after the
 * hold was taken (a mark it passes a moment later even under steady traffic), every purchase that reached Kafka has
 * been claimed; a hold still unclaimed never reached it. It is undone the way a failed send is
 * (refused if the writer claimed it meanwhile; a late copy of it would find it undone and be skipped).
 */
@ApplicationScoped
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class.getName());
    private static final int BATCH = 500;

    @Inject
    StockLedger ledger;

    @Inject
    PurchasePipeline pipeline;

    @Inject
    ActivityCache activityCache;

    @Inject
    MetricRegistry registry;

    /** The documented bound: a hold not claimed by the order writer this long after it was taken is released. */
    @Inject
    @ConfigProperty(name = "flashsale.seckill.hold-release-after-seconds", defaultValue = "30")
    long releaseAfterSeconds;

    @Inject
    @Metric(name = "seckill_holds_released_total", absolute = true,
            description = "Holds released because their purchase never reached Kafka (crash or failed send and undo)")
    Counter released;

    @Inject
    @ConfigProperty(name = "flashsale.kafka.send-timeout-millis", defaultValue = "3000")
    long sendTimeoutMillis;

    private final AtomicLong oldestUnclaimedSeconds = new AtomicLong();
    private Mark waitingFor;

    @PostConstruct
    void registerGauge() {
        registry.gauge(Metadata.builder().withName("seckill_oldest_unclaimed_hold_seconds")
                .withDescription("Age of the oldest purchase held in Redis and not yet claimed by the order writer,"
                        + " over the sales housekeeping looks after; stays below the release bound when all is well")
                .build(), oldestUnclaimedSeconds, AtomicLong::get);
    }

    /** One pass over the given sales; returns the number of holds released. */
    public int sweep(Collection<ActivityId> ids) {
        Instant now = Instant.now();
        Instant releasable = now.minusSeconds(releaseAfterSeconds);
        List<ActivityId> withOldHolds = new ArrayList<>();
        long oldest = 0;
        // one cheap read per sale however big, all in one round trip
        for (Map.Entry<ActivityId, Optional<Instant>> oldestOfActivity : ledger.oldestUnclaimed(ids).entrySet()) {
            ActivityId id = oldestOfActivity.getKey();
            Optional<Instant> taken = oldestOfActivity.getValue();
            if (taken.isEmpty()) {
                continue;
            }
            oldest = Math.max(oldest, Duration.between(taken.get(), now).toSeconds());
            if (taken.get().isBefore(releasable)) {
                withOldHolds.add(id);
            }
        }
        oldestUnclaimedSeconds.set(oldest);
        if (withOldHolds.isEmpty()) {
            return 0;
        }
        Mark passed = markTheWriterPassed();
        if (passed == null) {
            return 0;
        }
        // a hold taken this long before the mark had its send over before it: had it reached Kafka, the order writer
        // would have claimed it by now
        Instant stranded = passed.takenAt().minusMillis(sendTimeoutMillis);
        Instant before = stranded.isBefore(releasable) ? stranded : releasable;
        int count = 0;
        for (ActivityId id : withOldHolds) {
            for (HeldPurchase hold : ledger.unclaimedBefore(id, before, BATCH)) {
                if (ledger.undo(id, hold.userId(), hold.orderId(), false) == UndoOutcome.UNDONE) {
                    activityCache.forgetOrder(id, hold.userId());
                    LOG.log(Level.WARNING, "released the hold of order {0} (activity {1}, {2} unit(s), taken at {3}):"
                            + " it never reached Kafka", new Object[] {hold.orderId(), id, hold.quantity(),
                            hold.acceptedAt()});
                    count++;
                }
            }
        }
        released.inc(count);
        if (count > 0) {
            oldestUnclaimedSeconds.set(ledger.oldestUnclaimed(ids).values().stream().flatMap(Optional::stream)
                    .mapToLong(taken -> Duration.between(taken, now).toSeconds()).max().orElse(0));
        }
        return count;
    }

    /**
     * The mark the order writer has consumed up to, if it got there, a new one being taken to wait for next; null
     * while it has not (under steady traffic it passes each mark a moment later; its whole backlog may never be 0).
     */
    private synchronized Mark markTheWriterPassed() {
        if (waitingFor == null) {
            waitingFor = pipeline.mark();
        }
        if (!pipeline.consumedUpTo(waitingFor)) {
            return null;
        }
        Mark passed = waitingFor;
        waitingFor = pipeline.mark();
        return passed;
    }
}
