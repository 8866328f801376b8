package io.flashsale.seckill.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "seckill_order",
        uniqueConstraints = @UniqueConstraint(name = "uk_order_activity_user", columnNames = {"activity_id", "user_id"}))
public class SeckillOrder {

    @Id
    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(name = "activity_id", nullable = false)
    private long activityId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

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
        this.status = OrderStatus.CONFIRMED;
    }

    /** An accepted purchase becomes a confirmed order once it is durable. */
    public static SeckillOrder confirm(SeckillPurchase purchase) {
        return new SeckillOrder(purchase);
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
}
