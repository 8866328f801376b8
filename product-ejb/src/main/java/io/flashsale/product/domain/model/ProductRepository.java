package io.flashsale.product.domain.model;

import java.util.List;
import java.util.Optional;

public interface ProductRepository {

    Optional<Product> find(ProductId id);

    Product store(Product product);

    List<Product> page(int pageIndex, int pageSize);

    long count();
}
