package io.flashsale.product.domain.model;

import java.util.List;
import java.util.Optional;

public interface ProductRepository {

    Optional<Product> find(ProductId id);

    /** SELECT ... FOR UPDATE: the row stays locked until the transaction ends (lock wait bounded by the pool). */
    Optional<Product> findForUpdate(ProductId id);

    /** UPDATE ... SET stock = stock - q WHERE stock >= q, bumping the version; false when there was not enough. */
    boolean takeStockIfAvailable(ProductId id, Quantity quantity);

    void flush();

    Product store(Product product);

    List<Product> page(int pageIndex, int pageSize);

    /** The first {@code size} products with an id above {@code afterId}, by id: one index range, however far. */
    List<Product> after(long afterId, int size);

    long count();
}
