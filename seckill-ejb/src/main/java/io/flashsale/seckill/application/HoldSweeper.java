package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache.UndoOutcome;
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
import java.util.Collection;
import java.util.LinkedHashMap;
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
 * Kafka delivery may take) and the order writer has committed everything the topic holds, every purchase that
 * reached Kafka has been claimed; a hold still unclaimed never reached it. It is undone the way a failed send is
 * (refused if the writer claimed it meanwhile; a late copy of it would find it undone and be skipped).
 */
@ApplicationScoped
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class.getName());
    private static final int BATCH = 500;

    @Inject
    SeckillStockCache cache;

    @Inject
    PurchasePipeline pipeline;

    @Inject
    SaleCatalog catalog;

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

    private final AtomicLong oldestUnclaimedSeconds = new AtomicLong();

    @PostConstruct
    void registerGauge() {
        registry.gauge(Metadata.builder().withName("seckill_oldest_unclaimed_hold_seconds")
                .withDescription("Age of the oldest purchase held in Redis and not yet claimed by the order writer,"
                        + " over the sales housekeeping looks after; stays below the release bound when all is well")
                .build(), oldestUnclaimedSeconds, AtomicLong::get);
    }

    /** One pass over the given sales; returns the number of holds released. */
    public int sweep(Collection<ActivityId> sales) {
        Instant now = Instant.now();
        Instant releasable = now.minusSeconds(releaseAfterSeconds);
        Map<ActivityId, List<HeldPurchase>> candidates = new LinkedHashMap<>();
        long oldest = 0;
        for (ActivityId sale : sales) {
            Optional<Instant> taken = cache.oldestUnclaimed(sale); // one cheap read per sale, however big
            if (taken.isEmpty()) {
                continue;
            }
            oldest = Math.max(oldest, Duration.between(taken.get(), now).toSeconds());
            if (taken.get().isBefore(releasable)) {
                candidates.put(sale, cache.unclaimedBefore(sale, releasable, BATCH));
            }
        }
        oldestUnclaimedSeconds.set(oldest);
        // asked after the holds were listed: everything sent before then has been written (and claimed) if 0
        if (candidates.isEmpty() || pipeline.backlog() > 0) {
            return 0;
        }
        int count = 0;
        for (Map.Entry<ActivityId, List<HeldPurchase>> sale : candidates.entrySet()) {
            for (HeldPurchase hold : sale.getValue()) {
                if (cache.undo(sale.getKey(), hold.userId(), hold.orderId(), false) == UndoOutcome.UNDONE) {
                    catalog.forgetOrder(sale.getKey(), hold.userId());
                    LOG.log(Level.WARNING, "released the hold of order {0} (activity {1}, {2} unit(s), taken at {3}):"
                            + " it never reached Kafka", new Object[] {hold.orderId(), sale.getKey(), hold.quantity(),
                            hold.acceptedAt()});
                    count++;
                }
            }
        }
        released.inc(count);
        if (count > 0) {
            oldestUnclaimedSeconds.set(sales.stream().map(cache::oldestUnclaimed).flatMap(Optional::stream)
                    .mapToLong(taken -> Duration.between(taken, now).toSeconds()).max().orElse(0));
        }
        return count;
    }
}
