package io.flashsale.web.seckill;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public final class PurchaseRequest {

    @NotNull
    @Schema(required = true)
    @Min(1)
    @Max(100)
    private final Integer quantity;

    @JsonbCreator
    public PurchaseRequest(@JsonbProperty("quantity") Integer quantity) {
        this.quantity = quantity;
    }

    public Integer quantity() {
        return quantity;
    }
}
