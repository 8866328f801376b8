package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.activity.ActivityCache;
import io.flashsale.seckill.application.port.OrderEvents;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cancelling orders (paying them is {@link PaymentService}'s). A cancellation gives the units back in MySQL in its
 * transaction and then in Redis ({@link #releaseInCache}); until the second step succeeded the order stays marked,
 * so a Redis outage only delays it. Pay and cancel lock the order row, so an order is never both paid and cancelled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OrderLifecycleService {

    @Inject
    OrderRepository orders;

    @Inject
    ActivityRepository activities;

    @Inject
    StockLedger ledger;

    @Inject
    OrderEvents events;

    @Inject
    ActivityCache activityCache;

    /**
     * Cancels, in one transaction, up to {@code limit} orders not paid by their deadline, the longest due first: their
     * units go back to their sales (one statement per sale) and each gets its event. Returns the orders cancelled,
     * whose holds in Redis are then to be released ({@link #releaseInCache(Collection)}).
     */
    public List<OrderId> cancelUnpaidDue(Instant now, int limit) {
        List<SeckillOrder> due = orders.unpaidPastPaymentWindowForUpdate(now, limit);
        Map<ActivityId, int[]> returned = new TreeMap<>(Comparator.comparingLong(ActivityId::value));
        List<OrderId> cancelled = new ArrayList<>();
        for (SeckillOrder order : due) {
            if (order.cancel(now)) {
                int[] unitsAndOrders = returned.computeIfAbsent(new ActivityId(order.activityId()), a -> new int[2]);
                unitsAndOrders[0] += order.quantity();
                unitsAndOrders[1]++;
                events.cancelled(order);
                cancelled.add(order.orderId());
            }
        }
        returned.forEach((activity, unitsAndOrders) -> activities.returnUnits(activity, unitsAndOrders[0],
                unitsAndOrders[1]));
        return cancelled;
    }

    /** Gives the units of these cancelled or rejected orders back in Redis, and marks them released. */
    public void releaseInCache(Collection<OrderId> ids) {
        for (SeckillOrder order : orders.findAllForUpdate(ids)) {
            release(order);
        }
    }

    public void releaseInCache(OrderId id) {
        release(orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id)));
    }

    private void release(SeckillOrder order) {
        if (!order.cacheReleasePending()) {
            return; // released meanwhile by the other job that releases (sweep and housekeeping run apart)
        }
        ledger.undo(new ActivityId(order.activityId()), order.userId(), order.orderId(), true);
        activityCache.forgetOrder(new ActivityId(order.activityId()), order.userId());
        order.cacheReleased();
    }
}
