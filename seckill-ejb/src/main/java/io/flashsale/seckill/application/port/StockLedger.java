package io.flashsale.seckill.application.port;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import io.flashsale.seckill.domain.model.activity.CacheSnapshot;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.order.OrderId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The hot-path copy of an activity's stock and buyers. Every accepted purchase is held here until it is cancelled;
 * MySQL stays the truth and {@link #rebuild} restores the copy from it.
 */
public interface StockLedger {

    /**
     * Puts the units on sale unless the activity is already warm (a live counter is never overwritten), and (re)writes
     * the sale's metadata the purchase script enforces: the per-user limit and the window. Every key of the sale
     * expires a retention period after {@code paymentsCloseAt} (its end plus its payment window), settled or not.
     */
    void warm(ActivityId activity, int units, int perUserLimit, Instant startsAt, Instant endsAt,
              Instant paymentsCloseAt);

    /** One atomic step: buyer limit, stock check, decrement, buyer and order record. */
    PurchaseAttempt tryPurchase(ActivityId activity, long userId, int quantity, int perUserLimit, OrderId orderId,
                                Instant at);

    /**
     * Gives the units of an accepted purchase back and forgets the buyer, at most once per order. Unless
     * {@code evenIfClaimed}, a purchase the order writer already claimed is left alone.
     */
    UndoOutcome undo(ActivityId activity, long userId, OrderId orderId, boolean evenIfClaimed);

    enum UndoOutcome { UNDONE, NOT_HELD, CLAIMED }

    /**
     * The order writer's claim: returns the orders it may write, i.e. all but those whose sender undid them after a
     * failed Kafka send (held ones are now claimed, so that sender will not undo them any more).
     */
    Set<OrderId> claim(ActivityId activity, Collection<OrderId> orders);

    OptionalInt remaining(ActivityId activity);

    /** {@link #remaining(ActivityId)} of each activity, in one round trip. */
    Map<ActivityId, OptionalInt> remaining(Collection<ActivityId> activities);

    /** When the oldest hold the order writer has not claimed was taken; empty when there is none. */
    Optional<Instant> oldestUnclaimed(ActivityId activity);

    /** {@link #oldestUnclaimed(ActivityId)} of each activity, in one round trip. */
    Map<ActivityId, Optional<Instant>> oldestUnclaimed(Collection<ActivityId> activities);

    /** Holds the order writer has not claimed, taken before {@code before}, oldest first, at most {@code limit}. */
    List<HeldPurchase> unclaimedBefore(ActivityId activity, Instant before, int limit);

    Optional<HeldPurchase> held(ActivityId activity, OrderId orderId);

    /**
     * The activity's counters, then every purchase it holds, read a chunk at a time (Redis never busy with one sale
     * for long): O(buyers), for an operator's check.
     */
    CacheSnapshot snapshot(ActivityId activity);

    /** The activity's counters, O(1) whatever its size: for the periodic check. */
    default CacheCounters counters(ActivityId activity) {
        return counters(List.of(activity)).get(activity);
    }

    /** The counters of each activity (each read at one moment), in one round trip. */
    Map<ActivityId, CacheCounters> counters(Collection<ActivityId> activities);

    /** Stops purchases of the activity (they answer PAUSED) until {@link #rebuild} or the pause expires. */
    void pause(ActivityId activity, long millis);

    /**
     * Takes the activity's maintenance lock for {@code millis} unless someone holds it: one rebuild or settlement of a
     * sale at a time, across instances. False when it is held.
     */
    boolean lockMaintenance(ActivityId activity, String token, long millis);

    /** Ends the pause without a rebuild, if {@code token} still holds the maintenance lock (a rebuild gave up). */
    void resume(ActivityId activity, String token);

    /** Gives the lock up if {@code token} still holds it. */
    void unlockMaintenance(ActivityId activity, String token);

    /**
     * Replaces the activity's cache content in one atomic step and ends a pause, only if {@code token} still holds
     * the maintenance lock (a holder whose lock expired is fenced off); false, changing nothing, otherwise. The new
     * content is written in chunks beforehand: no single Redis command carries a whole big sale.
     */
    boolean rebuild(ActivityId activity, String token, int remaining, Collection<HeldPurchase> held);

    /** Deletes the activity's keys (freed off Redis's main thread, however big). */
    void forget(ActivityId activity);
}
