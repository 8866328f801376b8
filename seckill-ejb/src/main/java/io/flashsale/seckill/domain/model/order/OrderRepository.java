package io.flashsale.seckill.domain.model.order;

import io.flashsale.seckill.domain.model.activity.ActivityId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface OrderRepository {

    Optional<SeckillOrder> find(OrderId id);

    Optional<SeckillOrder> findForUpdate(OrderId id);

    /** Which of these orders exist already (the order writer's idempotency check, one query per batch). */
    Set<OrderId> existing(Collection<OrderId> ids);

    /** The live (confirmed or paid) order of a buyer in an activity, if any. */
    Optional<SeckillOrder> liveOrderOf(ActivityId activity, long userId);

    void store(SeckillOrder order);

    void flush();

    long countByActivity(ActivityId activity);

    /** Confirmed and paid orders of an activity: the units it has sold. Read-only copies, not for changing. */
    List<SeckillOrder> liveOrders(ActivityId activity);

    /** The units of each confirmed or paid order of an activity (ids and quantities only: no entities). */
    Map<OrderId, Integer> liveOrderUnits(ActivityId activity);

    long countUnpaid(ActivityId activity);

    /** Of the given activities, those with an order awaiting payment (one query on the activity-status index). */
    Set<ActivityId> withUnpaidOrders(Collection<ActivityId> activities);

    /** Confirmed orders whose payment deadline passed before {@code now}, the longest due first, locked. */
    List<SeckillOrder> unpaidPastPaymentWindowForUpdate(Instant now, int limit);

    /** These orders, locked. */
    List<SeckillOrder> findAllForUpdate(Collection<OrderId> ids);

    List<OrderId> cancelledWithCacheReleasePending(int limit);

    /** An order of a sale settled long ago, from the archive. */
    Optional<SeckillOrder> findArchived(OrderId id);

    /** Moves up to {@code limit} orders of a settled sale to the archive; returns how many moved. */
    int archive(ActivityId activity, int limit);
}
