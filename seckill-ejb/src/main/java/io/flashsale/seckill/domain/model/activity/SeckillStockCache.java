package io.flashsale.seckill.domain.model.activity;

import io.flashsale.seckill.domain.model.order.OrderId;

import java.util.OptionalInt;

/** The hot-path copy of an activity's stock and buyers; the database stays the truth. */
public interface SeckillStockCache {

    void warm(long activityId, int units);

    PurchaseAttempt tryPurchase(long activityId, long userId, int quantity, int perUserLimit, OrderId orderId);

    /** Undoes an accepted attempt; true when something was undone (at most once per order). */
    boolean undo(long activityId, long userId, int quantity, OrderId orderId);

    OptionalInt remaining(long activityId);
}
