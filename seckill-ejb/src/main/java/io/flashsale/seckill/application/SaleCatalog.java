package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.concurrent.ContainerThreadPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Per-instance memory of the sales, so that a stampede costs no database read: activity terms for the window check
 * (refreshed in the background after {@code flashsale.seckill.terms-cache-millis}, unknown ids included) and a
 * sold-out flag that answers sold-out without a Redis call for {@code flashsale.seckill.sold-out-flag-millis}
 * (short, because a cancellation can put units back on sale).
 */
@ApplicationScoped
public class SaleCatalog {

    private record Cached(Optional<SaleTerms> terms, long loadedAt) {
    }

    /** Read through an EJB call: see {@link ContainerThreadPool} for why a background read needs one. */
    @EJB
    ActivityService activities;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.terms-cache-millis", defaultValue = "1000")
    long termsMillis;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.sold-out-flag-millis", defaultValue = "500")
    long soldOutMillis;

    @Resource
    ManagedThreadFactory threads;

    private ContainerThreadPool refresher;

    private final ConcurrentMap<Long, Cached> terms = new ConcurrentHashMap<>();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Long, Long> soldOutUntil = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, ConcurrentMap<Long, String>> ordersOfBuyers = new ConcurrentHashMap<>();

    void startWithApplication(@Observes Startup startup) {
        // nothing to do: the bean, and so its pool, is created to receive the event
    }

    @PostConstruct
    void start() {
        refresher = ContainerThreadPool.bounded(threads, 2, 64);
    }

    @PreDestroy
    void stop() {
        refresher.stop();
    }

    public SaleTerms terms(ActivityId id) {
        long now = System.nanoTime();
        Cached cached = terms.get(id.value());
        if (cached == null) {
            cached = load(id, null, now);
        } else if (now - cached.loadedAt() > termsMillis * 1_000_000L && refreshing.add(id.value())) {
            refreshInBackground(id, cached);
        }
        return cached.terms().orElseThrow(() -> new NotFoundException("activity", id));
    }

    /**
     * Buyers are answered from what is known while the terms are read again: a database that hangs (frozen,
     * failing over) then holds one background thread per sale, not the purchases.
     */
    private void refreshInBackground(ActivityId id, Cached known) {
        try {
            refresher.execute(() -> {
                try {
                    load(id, known, System.nanoTime());
                } finally {
                    refreshing.remove(id.value());
                }
            });
        } catch (RejectedExecutionException busy) {
            refreshing.remove(id.value());
        }
    }

    private Cached load(ActivityId id, Cached known, long now) {
        try {
            Cached loaded = new Cached(activities.terms(id), now);
            terms.put(id.value(), loaded);
            return loaded;
        } catch (RuntimeException databaseDown) {
            if (known == null) {
                throw new ServiceUnavailableException("database", databaseDown);
            }
            terms.replace(id.value(), known, new Cached(known.terms(), now)); // next attempt after another period
            return known; // the terms of a sale do not change: keep selling on what we knew while MySQL is away
        }
    }

    public boolean soldOut(ActivityId id) {
        Long until = soldOutUntil.get(id.value());
        return until != null && System.nanoTime() - until < 0;
    }

    public void markSoldOut(ActivityId id) {
        soldOutUntil.put(id.value(), System.nanoTime() + soldOutMillis * 1_000_000L);
    }

    /**
     * Remembers who bought here, so that a buyer asking again while the sold-out flag is up still hears
     * already-purchased with the order id (the flag spares Redis; the memory is per instance, like the flag).
     */
    public void rememberOrder(ActivityId id, long userId, String orderId) {
        ordersOfBuyers.computeIfAbsent(id.value(), key -> new ConcurrentHashMap<>()).put(userId, orderId);
    }

    public Optional<String> rememberedOrder(ActivityId id, long userId) {
        Map<Long, String> orders = ordersOfBuyers.get(id.value());
        return Optional.ofNullable(orders == null ? null : orders.get(userId));
    }

    public void forgetOrder(ActivityId id, long userId) {
        Map<Long, String> orders = ordersOfBuyers.get(id.value());
        if (orders != null) {
            orders.remove(userId);
        }
    }

    public void forget(ActivityId id) {
        terms.remove(id.value());
        soldOutUntil.remove(id.value());
        ordersOfBuyers.remove(id.value());
    }

    /** Activities this instance has seen lately (where a pending order may be looked up). */
    public Collection<ActivityId> known() {
        return terms.entrySet().stream()
                .filter(e -> e.getValue().terms().isPresent())
                .map(e -> new ActivityId(e.getKey()))
                .toList();
    }
}
