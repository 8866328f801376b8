package io.flashsale.seckill.domain.model.activity;

/**
 * An activity's durable counters, read in one row: its units, those not sold, and its live (confirmed or paid)
 * orders. Units are conserved: {@code stock - remaining} are the units the live orders hold.
 */
public record ActivityTotals(int stock, int remaining, int liveOrders) {

    public int soldUnits() {
        return stock - remaining;
    }
}
