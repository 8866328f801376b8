package io.flashsale.product.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant createdAt;

    protected Product() {
    }

    public Product(String name, String description, BigDecimal price, int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative");
        }
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.price = Objects.requireNonNull(price);
        this.stock = stock;
        this.createdAt = Instant.now();
    }

    /** Takes units out of stock; never below zero. */
    public void takeStock(Quantity quantity) {
        if (stock < quantity.value()) {
            throw new InsufficientStockException(quantity, stock);
        }
        stock -= quantity.value();
    }

    public void returnStock(Quantity quantity) {
        stock += quantity.value();
    }

    public ProductId id() {
        return new ProductId(id);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public BigDecimal price() {
        return price;
    }

    public int stock() {
        return stock;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
