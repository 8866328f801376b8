package io.flashsale.web.product;

import io.flashsale.product.application.ProductPage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ProductPageResponse")
public record ProductPageResponse(
        List<ProductResponse> items,
        @Schema(nullable = true, description = "the page number asked for; absent when listed after a product id")
        Integer page,
        int size,
        @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true,
                description = "products in the catalogue; absent when listed after a product id") Long total,
        @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true,
                description = "pass as `after` for the next page; absent on the last page") Long nextAfter) {

    static ProductPageResponse of(ProductPage page) {
        return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(), page.page(),
                page.size(), page.total(), page.nextAfter());
    }
}
