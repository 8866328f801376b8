package io.flashsale.product.domain.model.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The units one customer holds in open reservations, over all products. Kept as a row of its own, so that the
 * per-customer limit is checked and counted in one conditional UPDATE, which parallel reservations of the same
 * customer cannot race (see {@link CustomerHoldings}).
 */
@Entity
@Table(name = "customer_holding")
public class CustomerHolding {

    @Id
    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "held_units", nullable = false)
    private int heldUnits;

    protected CustomerHolding() {
    }

    public int heldUnits() {
        return heldUnits;
    }
}
