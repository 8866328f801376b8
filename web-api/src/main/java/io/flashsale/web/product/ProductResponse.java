package io.flashsale.web.product;

import io.flashsale.product.application.ProductView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "ProductResponse")
public record ProductResponse(
        @Schema(type = SchemaType.INTEGER, format = "int64") long id,
        String name,
        @Schema(nullable = true, description = "absent when the product has none") String description,
        BigDecimal price,
        int stock) {

    static ProductResponse of(ProductView view) {
        return new ProductResponse(view.id(), view.name(), view.description(), view.price(), view.stock());
    }
}
