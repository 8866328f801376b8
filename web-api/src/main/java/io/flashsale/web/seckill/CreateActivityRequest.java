package io.flashsale.web.seckill;

import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** A class, not a record, for Payara's OpenAPI scanner (see CreateProductRequest). */
public final class CreateActivityRequest {

    @NotNull
    @Schema(required = true, type = SchemaType.INTEGER, format = "int64", minimum = "1")
    @Positive
    private final Long productId;

    @NotNull
    @Schema(required = true)
    @DecimalMin("0.00")
    @Digits(integer = 17, fraction = 2)
    private final BigDecimal price;

    @NotNull
    @Schema(required = true)
    @Min(1)
    @Max(SeckillActivity.MAX_UNITS)
    private final Integer stock;

    @NotNull
    @Schema(required = true)
    @Min(1)
    @Max(SeckillActivity.MAX_PER_USER_LIMIT)
    private final Integer perUserLimit;

    @NotNull
    @Schema(required = true, type = SchemaType.STRING, format = "date-time")
    private final Instant startsAt;

    @NotNull
    @Schema(required = true, type = SchemaType.STRING, format = "date-time")
    private final Instant endsAt;

    @Min(1)
    @Max(SeckillActivity.MAX_PAYMENT_WINDOW_SECONDS)
    private final Integer paymentWindowSeconds;

    @JsonbCreator
    public CreateActivityRequest(@JsonbProperty("product_id") Long productId,
                                 @JsonbProperty("price") BigDecimal price,
                                 @JsonbProperty("stock") Integer stock,
                                 @JsonbProperty("per_user_limit") Integer perUserLimit,
                                 @JsonbProperty("starts_at") Instant startsAt,
                                 @JsonbProperty("ends_at") Instant endsAt,
                                 @JsonbProperty("payment_window_seconds") Integer paymentWindowSeconds) {
        this.productId = productId;
        this.price = price;
        this.stock = stock;
        this.perUserLimit = perUserLimit;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.paymentWindowSeconds = paymentWindowSeconds;
    }

    public Long productId() {
        return productId;
    }

    public BigDecimal price() {
        return price;
    }

    public Integer stock() {
        return stock;
    }

    public Integer perUserLimit() {
        return perUserLimit;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Integer paymentWindowSeconds() {
        return paymentWindowSeconds;
    }
}
