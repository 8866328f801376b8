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
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Units of one product held for one order. The order id is the primary key: a reservation exists at most once. A
 * customer's reservation (made over HTTP) belongs to that customer and expires; a flash sale's has no customer, does
 * not expire and is only ever settled by its sale.
 */
@Entity
@Table(name = "stock_reservation", indexes = {
        @Index(name = "ix_reservation_product", columnList = "product_id"),
        @Index(name = "ix_reservation_expiry", columnList = "status, expires_at")})
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

    /** Null for a flash sale's reservation. */
    @Column(name = "customer_id")
    private Long customerId;

    /** Null for a flash sale's reservation. */
    @Column(name = "expires_at", columnDefinition = "DATETIME(6)")
    private Instant expiresAt;

    protected Reservation() {
    }

    private Reservation(ReservationId id, ProductId product, Quantity quantity, String strategy, CustomerId customer,
                        Instant expiresAt) {
        this.orderId = id.value();
        this.productId = product.value();
        this.quantity = quantity.value();
        this.strategy = strategy;
        this.status = ReservationStatus.RESERVED;
        this.createdAt = Instant.now();
        this.customerId = customer == null ? null : customer.value();
        // as the column keeps it (microseconds): the first answer and a replay name the same instant
        this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static Reservation forCustomer(ReservationId id, ProductId product, Quantity quantity, String strategy,
                                          CustomerId customer, Instant expiresAt) {
        return new Reservation(id, product, quantity, strategy, customer, expiresAt);
    }

    public static Reservation forSale(ReservationId id, ProductId product, Quantity quantity, String strategy) {
        return new Reservation(id, product, quantity, strategy, null, null);
    }

    /** Marks the units as returned; false unless the reservation was still open (a release takes effect once). */
    public boolean release() {
        return close(ReservationStatus.RELEASED);
    }

    /** Like {@link #release()}, for a customer's reservation whose hold has ended by {@code now}. */
    public boolean expire(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now) && close(ReservationStatus.EXPIRED);
    }

    private boolean close(ReservationStatus end) {
        if (status != ReservationStatus.RESERVED) {
            return false;
        }
        status = end;
        releasedAt = Instant.now();
        return true;
    }

    /** The customer it belongs to; empty for a flash sale's, which no customer (nor administrator) may touch. */
    public Optional<CustomerId> customer() {
        return customerId == null ? Optional.empty() : Optional.of(new CustomerId(customerId));
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId != null && customerId == customer.value();
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
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
