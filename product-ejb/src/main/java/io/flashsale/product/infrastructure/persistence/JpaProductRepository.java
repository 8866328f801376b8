package io.flashsale.product.infrastructure.persistence;

import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.ProductRepository;
import io.flashsale.product.domain.model.Quantity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaProductRepository implements ProductRepository {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Override
    public Optional<Product> find(ProductId id) {
        return Optional.ofNullable(em.find(Product.class, id.value()));
    }

    @Override
    public Optional<Product> findForUpdate(ProductId id) {
        return Optional.ofNullable(em.find(Product.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean takeStockIfAvailable(ProductId id, Quantity quantity) {
        return em.createQuery("update Product p set p.stock = p.stock - :q, p.version = p.version + 1"
                        + " where p.id = :id and p.stock >= :q")
                .setParameter("q", quantity.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Product store(Product product) {
        em.persist(product);
        em.flush();
        return product;
    }

    @Override
    public List<Product> page(int pageIndex, int pageSize) {
        return em.createQuery("select p from Product p order by p.id", Product.class)
                .setFirstResult(pageIndex * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
    }

    @Override
    public List<Product> after(long afterId, int size) {
        return em.createQuery("select p from Product p where p.id > :after order by p.id", Product.class)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
    }
}
