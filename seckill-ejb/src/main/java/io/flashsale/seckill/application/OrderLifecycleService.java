package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache;
import io.flashsale.seckill.domain.model.order.OrderEvents;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Cancelling orders (paying them is {@link PaymentService}'s). A cancellation gives the units back in MySQL in its transaction and then in Redis
 * ({@link #releaseInCache}); until the second step succeeded the order stays marked, so a Redis outage only
 * delays it. Pay and cancel lock the order row, so an order is never both paid and cancelled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OrderLifecycleService {

    @Inject
    OrderRepository orders;

    @Inject
    ActivityRepository activities;

    @Inject
    SeckillStockCache cache;

    @Inject
    OrderEvents events;

    @Inject
    SaleCatalog catalog;

    /** True when this call cancelled the order (it was confirmed and unpaid). */
    public boolean cancelUnpaid(OrderId id) {
        SeckillOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!order.cancel(Instant.now())) {
            return false;
        }
        activities.returnUnits(new ActivityId(order.activityId()), order.quantity());
        events.cancelled(order);
        return true;
    }

    public void releaseInCache(OrderId id) {
        SeckillOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id));
        cache.undo(new ActivityId(order.activityId()), order.userId(), id, true);
        catalog.forgetOrder(new ActivityId(order.activityId()), order.userId());
        order.cacheReleased();
    }
}
