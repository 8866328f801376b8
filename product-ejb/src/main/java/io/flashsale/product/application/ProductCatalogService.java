package io.flashsale.product.application;

import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.ProductRepository;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

@Stateless
public class ProductCatalogService {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    ProductRepository products;

    public ProductView register(String name, String description, BigDecimal price, int stock) {
        return ProductView.of(products.store(new Product(name, description, price, stock)));
    }

    /** Bounds checked here, not with Bean Validation on the query parameters: Payara's OpenAPI scanner fails there. */
    public ProductPage page(int pageIndex, int pageSize) {
        checkSize(pageSize);
        if (pageIndex < 0) {
            throw new InvalidInputException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        // a page that starts past the last product is empty, however far (page × size may not fit an int)
        boolean pastAnyTable = (long) pageIndex * pageSize > Integer.MAX_VALUE;
        List<ProductView> items = pastAnyTable ? List.of()
                : products.page(pageIndex, pageSize).stream().map(ProductView::of).toList();
        return new ProductPage(items, pageIndex, pageSize, products.count(), nextAfter(items, pageSize));
    }

    /** The page after a product id: what a client walking the whole catalogue asks for, at the cost of the first page. */
    public ProductPage pageAfter(long afterId, int pageSize) {
        checkSize(pageSize);
        List<ProductView> items = products.after(afterId, pageSize).stream().map(ProductView::of).toList();
        return new ProductPage(items, null, pageSize, null, nextAfter(items, pageSize));
    }

    private static void checkSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static Long nextAfter(List<ProductView> items, int pageSize) {
        return items.size() < pageSize ? null : items.get(items.size() - 1).id();
    }

    public ProductView find(ProductId id) {
        return products.find(id).map(ProductView::of).orElseThrow(() -> new NotFoundException("product", id));
    }
}
