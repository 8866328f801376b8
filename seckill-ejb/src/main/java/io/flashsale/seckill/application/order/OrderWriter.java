package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.port.OrderEvents;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.RejectionReason;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns accepted purchases into durable orders, once each, a batch per JTA transaction. Kafka may deliver a purchase
 * again (skipped: the order id exists), and a purchase whose send timed out may have been undone in Redis after all
 * (skipped: the claim says it is no longer held). The activity's durable stock drops in the same transaction. A
 * purchase that can never be written (its sale settled, MySQL short of units, its buyer already holding an order)
 * ends as a REJECTED order ({@link #reject}), never silently.
 */
@Stateless
public class OrderWriter {

    @Inject
    OrderRepository orders;

    @Inject
    ActivityRepository activities;

    @Inject
    StockLedger ledger;

    @Inject
    OrderEvents events;

    @Inject
    OrderWriterProgress progress;

    @Inject
    @Metric(name = "seckill_orders_written_total", absolute = true,
            description = "Orders the order writer made durable in MySQL")
    Counter written;

    @Inject
    @Metric(name = "seckill_order_duplicates_total", absolute = true,
            description = "Redelivered purchases the order writer recognised and skipped")
    Counter duplicates;

    @Inject
    @Metric(name = "seckill_purchases_abandoned_total", absolute = true,
            description = "Purchases whose Kafka send was reported failed and undone before the writer saw them")
    Counter abandoned;

    @Inject
    @Metric(name = "seckill_orders_rejected_total", absolute = true,
            description = "Accepted purchases the order writer could not make durable: REJECTED, hold released")
    Counter rejected;

    @Inject
    @Metric(name = "seckill_settled_sale_stragglers_total", absolute = true,
            description = "Purchases that reached the order writer after their sale was settled (rejected)")
    Counter stragglers;

    public void write(List<SeckillPurchase> batch) {
        Map<OrderId, SeckillPurchase> byOrder = batch.stream().collect(Collectors.toMap(
                p -> new OrderId(p.orderId()), Function.identity(), (first, again) -> first, LinkedHashMap::new));
        duplicates.inc(batch.size() - byOrder.size());
        Set<OrderId> known = orders.existing(byOrder.keySet());
        duplicates.inc(known.size());
        byOrder.keySet().removeAll(known);

        Instant now = Instant.now();
        // by activity id: two batches written at once lock the activities they share in the same order (no deadlock)
        Map<ActivityId, List<SeckillPurchase>> byActivity = byOrder.values().stream().collect(Collectors.groupingBy(
                p -> new ActivityId(p.activityId()), () -> new TreeMap<>(Comparator.comparingLong(ActivityId::value)),
                Collectors.toList()));
        Map<ActivityId, List<SeckillOrder>> confirmedByActivity = new TreeMap<>(
                Comparator.comparingLong(ActivityId::value));
        for (Map.Entry<ActivityId, List<SeckillPurchase>> entry : byActivity.entrySet()) {
            ActivityId activity = entry.getKey();
            Duration paymentWindow = activities.find(activity).map(a -> Duration.ofSeconds(a.paymentWindowSeconds()))
                    .orElseThrow(() -> new IllegalStateException("purchases of unknown activity " + activity));
            Set<OrderId> writable = ledger.claim(activity,
                    entry.getValue().stream().map(p -> new OrderId(p.orderId())).toList());
            List<SeckillOrder> ofActivity = new ArrayList<>();
            for (SeckillPurchase purchase : entry.getValue()) {
                if (writable.contains(new OrderId(purchase.orderId()))) {
                    ofActivity.add(SeckillOrder.confirm(purchase, paymentWindow, now));
                } else {
                    abandoned.inc();
                }
            }
            if (!ofActivity.isEmpty()) {
                confirmedByActivity.put(activity, ofActivity);
            }
        }
        List<SeckillOrder> confirmed = confirmedByActivity.values().stream().flatMap(List::stream).toList();
        for (SeckillOrder order : confirmed) {
            orders.store(order);
            events.confirmed(order);
        }
        orders.flush();
        // the sales' rows last: each stays locked from its UPDATE to the commit only, not through the batch's inserts
        // (locked first, four writers on one hot sale waited out innodb_lock_wait_timeout under a stampede)
        for (Map.Entry<ActivityId, List<SeckillOrder>> entry : confirmedByActivity.entrySet()) {
            ActivityId activity = entry.getKey();
            int units = entry.getValue().stream().mapToInt(SeckillOrder::quantity).sum();
            if (!activities.takeUnits(activity, units, entry.getValue().size())) {
                boolean settled = activities.find(activity).map(SeckillActivity::settled).orElse(false);
                throw new UnwritablePurchaseException(
                        settled ? RejectionReason.SALE_SETTLED : RejectionReason.UNITS_UNAVAILABLE,
                        "activity " + activity + (settled ? " is settled" : " has fewer than " + units
                                + " durable units left") + "; the batch cannot be confirmed");
            }
        }
        written.inc(confirmed.size());
        batch.stream().map(SeckillPurchase::occurredAt).max(Instant::compareTo)
                .ifPresent(newest -> progress.wrote(Duration.between(newest, now)));
    }

    /**
     * Records a purchase that failed on every attempt as a REJECTED order, whose hold is then released like a
     * cancelled order's (housekeeping retries the release until Redis confirms it). False when the order exists
     * already (written or rejected by an earlier delivery).
     */
    public boolean reject(SeckillPurchase purchase, RejectionReason reason) {
        OrderId id = new OrderId(purchase.orderId());
        if (!orders.existing(Set.of(id)).isEmpty()) {
            return false;
        }
        SeckillOrder order = SeckillOrder.reject(purchase, reason, Instant.now());
        orders.store(order);
        events.rejected(order);
        orders.flush();
        rejected.inc();
        if (reason == RejectionReason.SALE_SETTLED) {
            stragglers.inc();
        }
        return true;
    }
}
