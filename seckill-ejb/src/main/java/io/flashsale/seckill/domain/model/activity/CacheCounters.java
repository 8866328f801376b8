package io.flashsale.seckill.domain.model.activity;

import java.util.OptionalInt;

/**
 * An activity's counters in the stock cache at one moment: units left, orders held, of those the ones the order
 * writer has not claimed yet, and the units they hold (empty for a copy warmed before that counter was kept).
 */
public record CacheCounters(boolean warm, int remaining, int heldOrders, int unclaimedOrders, OptionalInt heldUnits) {

    /** Held orders the order writer has claimed: written to MySQL, or being written. */
    public int claimedOrders() {
        return heldOrders - unclaimedOrders;
    }
}
