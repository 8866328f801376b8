package io.flashsale.web.product;

import io.flashsale.product.application.ProductPage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ProductPageResponse")
public record ProductPageResponse(
        List<ProductResponse> items,
        int page,
        int size,
        @Schema(type = SchemaType.INTEGER, format = "int64") long total) {

    static ProductPageResponse of(ProductPage page) {
        return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(), page.page(),
                page.size(), page.total());
    }
}
