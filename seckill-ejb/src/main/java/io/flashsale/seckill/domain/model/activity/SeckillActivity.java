package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A flash sale of some units of one product at a price, within a time window, at most {@code perUserLimit} units per
 * buyer. The units are reserved out of the product's stock (reservation {@link #reservationId()}) when it is
 * created; {@code remaining} is the durable count the order writer decrements, Redis holds the hot-path copy.
 */
@Entity
@Table(name = "seckill_activity")
public class SeckillActivity {

    public static final int MAX_UNITS = 1_000_000;
    public static final int MAX_PER_USER_LIMIT = 100;
    public static final int MAX_PAYMENT_WINDOW_SECONDS = 7 * 24 * 3600;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private long productId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private int remaining;

    /** Confirmed and paid orders: kept with {@code remaining}, so that counting them never reads the orders. */
    @Column(name = "live_orders", nullable = false)
    private int liveOrders;

    @Column(name = "per_user_limit", nullable = false)
    private int perUserLimit;

    @Column(name = "starts_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant endsAt;

    @Column(name = "payment_window_seconds", nullable = false)
    private int paymentWindowSeconds;

    @Column(name = "reservation_id", nullable = false, length = 36, unique = true)
    private String reservationId;

    @Column(name = "settled_at", columnDefinition = "DATETIME(6)")
    private Instant settledAt;

    @Column(name = "warmed_at", columnDefinition = "DATETIME(6)")
    private Instant warmedAt;

    /** When its orders had all moved to the archive. */
    @Column(name = "archived_at", columnDefinition = "DATETIME(6)")
    private Instant archivedAt;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

    protected SeckillActivity() {
    }

    public SeckillActivity(long productId, BigDecimal price, int stock, int perUserLimit, Instant startsAt,
                           Instant endsAt, int paymentWindowSeconds, String reservationId, Instant now) {
        if (stock < 1 || stock > MAX_UNITS) {
            throw new InvalidInputException("stock must be between 1 and " + MAX_UNITS);
        }
        if (perUserLimit < 1 || perUserLimit > Math.min(stock, MAX_PER_USER_LIMIT)) {
            throw new InvalidInputException("per_user_limit must be between 1 and min(stock, "
                    + MAX_PER_USER_LIMIT + ")");
        }
        if (!startsAt.isBefore(endsAt)) {
            throw new InvalidInputException("starts_at must be before ends_at");
        }
        if (!endsAt.isAfter(now)) {
            throw new InvalidInputException("ends_at must be in the future");
        }
        if (paymentWindowSeconds < 1 || paymentWindowSeconds > MAX_PAYMENT_WINDOW_SECONDS) {
            throw new InvalidInputException("payment_window_seconds must be between 1 and "
                    + MAX_PAYMENT_WINDOW_SECONDS);
        }
        if (price.signum() < 0) {
            throw new InvalidInputException("price must not be negative");
        }
        this.productId = productId;
        this.price = price;
        this.stock = stock;
        this.remaining = stock;
        this.perUserLimit = perUserLimit;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.paymentWindowSeconds = paymentWindowSeconds;
        this.reservationId = reservationId;
        this.createdAt = now;
    }

    public ActivityStatus status(Instant now, int unitsLeft) {
        return ActivityStatus.at(now, startsAt, endsAt, settled(), unitsLeft);
    }

    public boolean onSaleAt(Instant now) {
        return status(now, 1).onSale();
    }

    public ActivityId id() {
        return new ActivityId(id);
    }

    public long productId() {
        return productId;
    }

    public BigDecimal price() {
        return price;
    }

    public int stock() {
        return stock;
    }

    /** Units not yet sold according to MySQL (purchases still on their way through Kafka are not counted). */
    public int remaining() {
        return remaining;
    }

    public int perUserLimit() {
        return perUserLimit;
    }

    /** When the last order of the sale stops waiting for its payment: its end plus its payment window. */
    public Instant paymentsCloseAt() {
        return endsAt.plusSeconds(paymentWindowSeconds);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    /** How long a buyer has to pay before the order is cancelled and its units go back on sale. */
    public int paymentWindowSeconds() {
        return paymentWindowSeconds;
    }

    public String reservationId() {
        return reservationId;
    }

    /** The units were put on sale in Redis once; a missing counter afterwards means Redis lost it. */
    public boolean warmed() {
        return warmedAt != null;
    }

    public void warmedAt(Instant at) {
        warmedAt = at;
    }

    public boolean settled() {
        return settledAt != null;
    }
}
