package io.flashsale.seckill.infrastructure.persistence;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.OrderStatus;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    private static final List<OrderStatus> LIVE = List.of(OrderStatus.CONFIRMED, OrderStatus.PAID);

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public Optional<SeckillOrder> find(OrderId id) {
        return Optional.ofNullable(em.find(SeckillOrder.class, id.value()));
    }

    @Override
    public Optional<SeckillOrder> findForUpdate(OrderId id) {
        return Optional.ofNullable(em.find(SeckillOrder.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Set<OrderId> existing(Collection<OrderId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select o.orderId from SeckillOrder o where o.orderId in :ids", String.class)
                .setParameter("ids", ids.stream().map(OrderId::value).toList())
                .getResultStream()
                .map(OrderId::new)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<SeckillOrder> liveOrderOf(ActivityId activity, long userId) {
        return em.createQuery("select o from SeckillOrder o where o.activityId = :a and o.liveBuyer = :u",
                        SeckillOrder.class)
                .setParameter("a", activity.value())
                .setParameter("u", userId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void store(SeckillOrder order) {
        em.persist(order);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public long countByActivity(ActivityId activity) {
        return em.createQuery("select count(o) from SeckillOrder o where o.activityId = :a", Long.class)
                .setParameter("a", activity.value())
                .getSingleResult();
    }

    @Override
    public List<SeckillOrder> liveOrders(ActivityId activity) {
        // read-only: a sale's orders are read to count and compare, never changed through this list; registered in
        // the transaction, each commit would diff thousands of them
        return em.createQuery("select o from SeckillOrder o where o.activityId = :a and o.status in :live",
                        SeckillOrder.class)
                .setParameter("a", activity.value())
                .setParameter("live", LIVE)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public Map<OrderId, Integer> liveOrderUnits(ActivityId activity) {
        List<Object[]> rows = em.createQuery("select o.orderId, o.quantity from SeckillOrder o"
                        + " where o.activityId = :a and o.status in :live", Object[].class)
                .setParameter("a", activity.value())
                .setParameter("live", LIVE)
                .getResultList();
        Map<OrderId, Integer> units = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            units.put(new OrderId((String) row[0]), ((Number) row[1]).intValue());
        }
        return units;
    }

    @Override
    public Set<ActivityId> withUnpaidOrders(Collection<ActivityId> activities) {
        if (activities.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select distinct o.activityId from SeckillOrder o where o.activityId in :a"
                        + " and o.status = :s", Long.class)
                .setParameter("a", activities.stream().map(ActivityId::value).toList())
                .setParameter("s", OrderStatus.CONFIRMED)
                .getResultStream().map(ActivityId::new).collect(Collectors.toSet());
    }

    @Override
    public long countUnpaid(ActivityId activity) {
        return em.createQuery("select count(o) from SeckillOrder o where o.activityId = :a and o.status = :s",
                        Long.class)
                .setParameter("a", activity.value())
                .setParameter("s", OrderStatus.CONFIRMED)
                .getSingleResult();
    }

    @Override
    public List<SeckillOrder> unpaidPastPaymentWindowForUpdate(Instant now, int limit) {
        // one range of (status, pay_by): exactly the orders due, however many sales and orders there are
        return em.createQuery("select o from SeckillOrder o where o.status = :s and o.payBy < :now order by o.payBy",
                        SeckillOrder.class)
                .setParameter("s", OrderStatus.CONFIRMED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<SeckillOrder> findAllForUpdate(Collection<OrderId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select o from SeckillOrder o where o.orderId in :ids order by o.orderId",
                        SeckillOrder.class)
                .setParameter("ids", ids.stream().map(OrderId::value).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<OrderId> cancelledWithCacheReleasePending(int limit) {
        return em.createQuery("select o.orderId from SeckillOrder o where o.cacheReleasePending = true",
                        String.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(OrderId::new)
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SeckillOrder> findArchived(OrderId id) {
        // read-only: an archived order is final, and is never to be written back to seckill_order
        return em.createNativeQuery("SELECT * FROM seckill_order_archive WHERE order_id = ?", SeckillOrder.class)
                .setParameter(1, id.value())
                .setHint("eclipselink.read-only", "true")
                .getResultStream()
                .findFirst();
    }

    @Override
    @SuppressWarnings("unchecked")
    public int archive(ActivityId activity, int limit) {
        List<String> ids = em.createNativeQuery("SELECT order_id FROM seckill_order WHERE activity_id = ? LIMIT ?"
                        + " FOR UPDATE")
                .setParameter(1, activity.value())
                .setParameter(2, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Query copy = em.createNativeQuery("INSERT INTO seckill_order_archive SELECT * FROM seckill_order"
                + " WHERE order_id IN (" + in + ")");
        Query delete = em.createNativeQuery("DELETE FROM seckill_order WHERE order_id IN (" + in + ")");
        for (int i = 0; i < ids.size(); i++) {
            copy.setParameter(i + 1, ids.get(i));
            delete.setParameter(i + 1, ids.get(i));
        }
        copy.executeUpdate();
        return delete.executeUpdate();
    }
}
