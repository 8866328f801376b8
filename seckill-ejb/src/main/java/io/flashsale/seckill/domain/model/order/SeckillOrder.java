package io.flashsale.seckill.domain.model.order;

import io.flashsale.shared.domain.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A flash-sale order. {@code live_buyer} is the buyer while the order holds units and NULL once it is cancelled
 * (or when it was rejected):
 * the unique key (activity, live_buyer) allows one live order per buyer and activity, yet lets a buyer whose order
 * was cancelled buy again.
 */
@Entity
@Table(name = "seckill_order",
        uniqueConstraints = @UniqueConstraint(name = "uk_order_activity_buyer", columnNames = {"activity_id", "live_buyer"}),
        indexes = {
                @Index(name = "ix_order_status_created", columnList = "status, created_at"),
                @Index(name = "ix_order_activity", columnList = "activity_id, status"),
                @Index(name = "ix_order_cache_release", columnList = "cache_release_pending"),
                @Index(name = "ix_order_status_pay_by", columnList = "status, pay_by")})
public class SeckillOrder {

    @Id
    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(name = "activity_id", nullable = false)
    private long activityId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "live_buyer")
    private Long liveBuyer;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

    @Column(name = "confirmed_at", columnDefinition = "DATETIME(6)")
    private Instant confirmedAt;

    @Column(name = "rejected_at", columnDefinition = "DATETIME(6)")
    private Instant rejectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason", length = 32)
    private RejectionReason rejectionReason;

    @Column(name = "paid_at", columnDefinition = "DATETIME(6)")
    private Instant paidAt;

    @Column(name = "cancelled_at", columnDefinition = "DATETIME(6)")
    private Instant cancelledAt;

    /** When a confirmed order not paid by then is cancelled: taken at + the sale's payment window. */
    @Column(name = "pay_by", columnDefinition = "DATETIME(6)")
    private Instant payBy;

    /** Set when the buyer starts a payment; the payment provider's confirmation must name it. */
    @Column(name = "payment_reference", length = 64)
    private String paymentReference;

    /** A cancelled order's units still have to be given back in the Redis stock counter. */
    @Column(name = "cache_release_pending", nullable = false)
    private boolean cacheReleasePending;

    @Version
    private long version;

    protected SeckillOrder() {
    }

    private SeckillOrder(SeckillPurchase purchase) {
        this.orderId = new OrderId(purchase.orderId()).value();
        this.activityId = purchase.activityId();
        this.userId = purchase.userId();
        this.quantity = purchase.quantity();
        this.price = purchase.price();
        this.createdAt = purchase.occurredAt();
    }

    /** An accepted purchase becomes a confirmed order once it is durable, to be paid within the sale's window. */
    public static SeckillOrder confirm(SeckillPurchase purchase, Duration paymentWindow, Instant now) {
        SeckillOrder order = new SeckillOrder(purchase);
        order.liveBuyer = purchase.userId();
        order.confirmedAt = now;
        order.payBy = purchase.occurredAt().plus(paymentWindow);
        order.status = OrderStatus.CONFIRMED;
        return order;
    }

    /**
     * An accepted purchase that cannot become durable: it holds no units, and its hold in Redis is still to be
     * released (as a cancelled order's is), after which the buyer may buy again.
     */
    public static SeckillOrder reject(SeckillPurchase purchase, RejectionReason reason, Instant now) {
        SeckillOrder order = new SeckillOrder(purchase);
        order.rejectedAt = now;
        order.rejectionReason = reason;
        order.status = OrderStatus.REJECTED;
        order.cacheReleasePending = true;
        return order;
    }

    /**
     * The buyer starts a payment: the order gets the reference its payment provider will confirm (the same one again
     * if asked twice). It stays CONFIRMED, and is still cancelled at the end of the payment window unless paid.
     */
    public String startPayment(String newReference) {
        if (status != OrderStatus.CONFIRMED && status != OrderStatus.PAID) {
            throw new OrderNotPayableException(orderId, status);
        }
        if (paymentReference == null && status == OrderStatus.CONFIRMED) {
            paymentReference = newReference;
        }
        return paymentReference;
    }

    /**
     * The payment provider confirms the payment it was started with, for the whole amount. Idempotent for that
     * payment; anything else (no payment started, another reference, another amount) is refused.
     */
    public void confirmPayment(String reference, BigDecimal paidAmount, Instant now) {
        if (paymentReference == null || !paymentReference.equals(reference) || paidAmount == null
                || paidAmount.compareTo(amount()) != 0) {
            throw new PaymentMismatchException(orderId);
        }
        pay(now);
    }

    /** What the buyer owes: the sale price of each unit. */
    public BigDecimal amount() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    public Optional<String> paymentReference() {
        return Optional.ofNullable(paymentReference);
    }

    /** Idempotent: paying a paid order again changes nothing. Only for a confirmed payment (provider or ADMIN). */
    public void pay(Instant now) {
        switch (status) {
            case PAID -> { }
            case CONFIRMED -> {
                status = OrderStatus.PAID;
                paidAt = now;
            }
            default -> throw new OrderNotPayableException(orderId, status);
        }
    }

    /** Cancels an unpaid order; false when it is paid or already cancelled. */
    public boolean cancel(Instant now) {
        if (status != OrderStatus.CONFIRMED) {
            return false;
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = now;
        liveBuyer = null;
        cacheReleasePending = true;
        return true;
    }

    public void cacheReleased() {
        cacheReleasePending = false;
    }

    /** Cancelled or rejected, and its hold in Redis not yet given back. */
    public boolean cacheReleasePending() {
        return cacheReleasePending;
    }

    public OrderId orderId() {
        return new OrderId(orderId);
    }

    public long activityId() {
        return activityId;
    }

    public long userId() {
        return userId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal price() {
        return price;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When it is cancelled unless paid; null unless it was confirmed. */
    public Instant payBy() {
        return payBy;
    }

    /** Empty unless the order is REJECTED. */
    public Optional<RejectionReason> rejectionReason() {
        return java.util.Optional.ofNullable(rejectionReason);
    }

    public static final class PaymentMismatchException extends DomainException {
        PaymentMismatchException(String orderId) {
            super(Kind.CONFLICT, "payment-mismatch", "the confirmation does not match the payment started for order "
                    + orderId + " (reference or amount)");
        }
    }

    public static final class OrderNotPayableException extends DomainException {
        OrderNotPayableException(String orderId, OrderStatus status) {
            super(Kind.CONFLICT, "order-not-payable", "order " + orderId + " is " + status + " and cannot be paid");
        }
    }
}
