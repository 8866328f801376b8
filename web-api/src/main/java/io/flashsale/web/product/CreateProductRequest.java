package io.flashsale.web.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A class rather than a record: Payara's OpenAPI scanner fails on constraint annotations of record constructor
 * parameters, and documents them as schema limits when they sit on fields.
 */
public final class CreateProductRequest {

    @NotBlank
    @Schema(required = true)
    @Size(max = 200)
    private final String name;

    @Size(max = 2000)
    private final String description;

    @NotNull
    @Schema(required = true)
    @DecimalMin("0.00")
    @Digits(integer = 17, fraction = 2)
    private final BigDecimal price;

    @NotNull
    @Schema(required = true)
    @PositiveOrZero
    @Max(1_000_000_000)
    private final Integer stock;

    @JsonbCreator
    public CreateProductRequest(@JsonbProperty("name") String name,
                                @JsonbProperty("description") String description,
                                @JsonbProperty("price") BigDecimal price,
                                @JsonbProperty("stock") Integer stock) {
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
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

    public Integer stock() {
        return stock;
    }
}
