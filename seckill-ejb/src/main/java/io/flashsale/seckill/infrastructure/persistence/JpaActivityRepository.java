package io.flashsale.seckill.infrastructure.persistence;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.ActivityTotals;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaActivityRepository implements ActivityRepository {

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public Optional<SeckillActivity> find(ActivityId id) {
        return Optional.ofNullable(em.find(SeckillActivity.class, id.value()));
    }

    @Override
    public void store(SeckillActivity activity) {
        em.persist(activity);
        em.flush();
    }

    @Override
    public List<SeckillActivity> openOrStartingBefore(Instant now, Instant horizon) {
        return em.createQuery("select a from SeckillActivity a where a.settledAt is null and a.startsAt < :horizon"
                        + " and a.endsAt > :now order by a.id", SeckillActivity.class)
                .setParameter("horizon", horizon)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<SeckillActivity> endedUnsettled(Instant now) {
        return em.createQuery("select a from SeckillActivity a where a.settledAt is null and a.endsAt <= :now"
                        + " order by a.id", SeckillActivity.class)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public boolean takeUnits(ActivityId id, int units, int orders) {
        return em.createQuery("update SeckillActivity a set a.remaining = a.remaining - :n,"
                        + " a.liveOrders = a.liveOrders + :k where a.id = :id and a.remaining >= :n"
                        + " and a.settledAt is null")
                .setParameter("n", units)
                .setParameter("k", orders)
                .setParameter("id", id.value())
                // the order writer has flushed its batch already: no second pass over its thousand managed orders
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    @Override
    public void returnUnits(ActivityId id, int units, int orders) {
        em.createQuery("update SeckillActivity a set a.remaining = a.remaining + :n, a.liveOrders = a.liveOrders - :k"
                        + " where a.id = :id")
                .setParameter("n", units)
                .setParameter("k", orders)
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public ActivityTotals totals(ActivityId id) {
        return totals(List.of(id)).get(id);
    }

    @Override
    public Map<ActivityId, ActivityTotals> totals(Collection<ActivityId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select a.id, a.stock, a.remaining, a.liveOrders from SeckillActivity a"
                        + " where a.id in :ids", Object[].class)
                .setParameter("ids", ids.stream().map(ActivityId::value).toList())
                .getResultList();
        Map<ActivityId, ActivityTotals> totals = new HashMap<>();
        for (Object[] row : rows) {
            totals.put(new ActivityId(((Number) row[0]).longValue()), new ActivityTotals(((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue()));
        }
        return totals;
    }

    @Override
    public int lockRemaining(ActivityId id) {
        return em.createQuery("select a.remaining from SeckillActivity a where a.id = :id", Integer.class)
                .setParameter("id", id.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    @Override
    public void markWarmed(ActivityId id, Instant at) {
        em.createQuery("update SeckillActivity a set a.warmedAt = :at where a.id = :id and a.warmedAt is null")
                .setParameter("at", at)
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public List<ActivityId> settledBeforeNotArchived(Instant before, int limit) {
        return em.createQuery("select a.id from SeckillActivity a where a.archivedAt is null and a.settledAt < :before"
                        + " order by a.settledAt", Long.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultStream()
                .map(ActivityId::new)
                .toList();
    }

    @Override
    public void markArchived(ActivityId id, Instant at) {
        em.createQuery("update SeckillActivity a set a.archivedAt = :at where a.id = :id")
                .setParameter("at", at)
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public boolean markSettled(ActivityId id, Instant at) {
        return em.createQuery("update SeckillActivity a set a.settledAt = :at where a.id = :id and a.settledAt is null")
                .setParameter("at", at)
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }
}
