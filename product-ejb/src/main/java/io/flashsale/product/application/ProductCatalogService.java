package io.flashsale.product.application;

import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.ProductRepository;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;

@Stateless
public class ProductCatalogService {

    @Inject
    ProductRepository products;

    public ProductView register(String name, String description, BigDecimal price, int stock) {
        return ProductView.of(products.store(new Product(name, description, price, stock)));
    }

    public ProductPage page(int pageIndex, int pageSize) {
        return new ProductPage(products.page(pageIndex, pageSize).stream().map(ProductView::of).toList(),
                pageIndex, pageSize, products.count());
    }

    public ProductView find(ProductId id) {
        return products.find(id).map(ProductView::of).orElseThrow(() -> new NotFoundException("product", id));
    }
}
