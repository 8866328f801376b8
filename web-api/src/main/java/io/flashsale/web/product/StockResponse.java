package io.flashsale.web.product;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record StockResponse(
        @Schema(type = SchemaType.INTEGER, format = "int64") long productId,
        int stock) {
}
