package io.flashsale.product.domain.model.reservation;

import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.Quantity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.Instant;

/** Units of one product held for one order. The order id is the primary key: a reservation exists at most once. */
@Entity
@Table(name = "stock_reservation", indexes = @Index(name = "ix_reservation_product", columnList = "product_id"))
public class Reservation {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReservationStatus status;

    @Column(nullable = false, length = 16)
    private String strategy;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

    @Column(name = "released_at", columnDefinition = "DATETIME(6)")
    private Instant releasedAt;

    protected Reservation() {
    }

    public Reservation(ReservationId id, ProductId product, Quantity quantity, String strategy) {
        this.orderId = id.value();
        this.productId = product.value();
        this.quantity = quantity.value();
        this.strategy = strategy;
        this.status = ReservationStatus.RESERVED;
        this.createdAt = Instant.now();
    }

    /** Marks the units as returned; false when that already happened (a release takes effect at most once). */
    public boolean release() {
        if (status == ReservationStatus.RELEASED) {
            return false;
        }
        status = ReservationStatus.RELEASED;
        releasedAt = Instant.now();
        return true;
    }

    /**
     * Keeps {@code keptUnits} for good and gives back the rest (e.g. a flash sale's unsold units when it ends). Returns
     * the units given back; zero when the reservation was already released or settled, so it happens at most once.
     */
    public int settle(int keptUnits) {
        if (status != ReservationStatus.RESERVED || keptUnits < 0 || keptUnits > quantity) {
            return 0;
        }
        int returned = quantity - keptUnits;
        status = keptUnits == 0 ? ReservationStatus.RELEASED : ReservationStatus.SETTLED;
        releasedAt = Instant.now();
        if (keptUnits > 0) {
            quantity = keptUnits;
        }
        return returned;
    }

    public ReservationId id() {
        return new ReservationId(orderId);
    }

    public ProductId productId() {
        return new ProductId(productId);
    }

    public Quantity quantity() {
        return new Quantity(quantity);
    }

    public ReservationStatus status() {
        return status;
    }

    public String strategy() {
        return strategy;
    }
}
