package io.flashsale.seckill.infrastructure.persistence;

import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public Optional<SeckillOrder> find(OrderId id) {
        return Optional.ofNullable(em.find(SeckillOrder.class, id.value()));
    }

    @Override
    public void store(SeckillOrder order) {
        em.persist(order);
    }

    @Override
    public long countByActivity(long activityId) {
        return em.createQuery("select count(o) from SeckillOrder o where o.activityId = :a", Long.class)
                .setParameter("a", activityId)
                .getSingleResult();
    }
}
