package io.flashsale.seckill.application.activity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.concurrent.ContainerThreadPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Per-instance memory of the sales, so that a stampede costs no database read: activity terms for the window check
 * (refreshed in the background after {@code flashsale.seckill.terms-cache-millis}, unknown ids included) and a
 * sold-out flag that answers sold-out without a Redis call for {@code flashsale.seckill.sold-out-flag-millis}
 * (short, because a cancellation can put units back on sale). Every map is bounded (Caffeine, least recently used
 * out first): ids asked for by anyone, sales settled by another instance and buyers of past sales cannot make it
 * grow for ever. The sizes are published as {@code seckill_catalog_entries{cache}}.
 */
@ApplicationScoped
public class ActivityCache {

    private record Cached(Optional<ActivityTerms> terms, long loadedAt) {
    }

    private static final Duration PENDING_AFTER_END = Duration.ofMinutes(10);

    /** A session bean: its reads are EJB calls, see {@link ContainerThreadPool} for why a background read needs one. */
    @Inject
    ActivityService activities;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.terms-cache-millis", defaultValue = "1000")
    long termsMillis;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.sold-out-flag-millis", defaultValue = "500")
    long soldOutMillis;

    /** Far more sales than are ever on at once; unknown ids asked for count too. */
    @Inject
    @ConfigProperty(name = "flashsale.seckill.catalog.max-sales", defaultValue = "1000")
    long maxActivities;

    /** Buyers remembered for the sold-out flag's already-purchased answer; a forgotten one hears sold-out instead. */
    @Inject
    @ConfigProperty(name = "flashsale.seckill.catalog.max-buyers", defaultValue = "100000")
    long maxBuyers;

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    private ContainerThreadPool refresher;

    private record Buyer(long activity, long user) {
    }

    private Cache<Long, Cached> terms;
    private Cache<Long, Boolean> soldOut;
    private Cache<Buyer, String> ordersOfBuyers;
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

    void startWithApplication(@Observes Startup startup) {
        // nothing to do: the bean, and so its pool, is created to receive the event
    }

    @PostConstruct
    void start() {
        refresher = ContainerThreadPool.bounded(threads, 2, 64);
        // evictions run on the caller's thread (a few map operations), not in a pool the container does not know
        terms = Caffeine.newBuilder().maximumSize(maxActivities).executor(Runnable::run).build();
        soldOut = Caffeine.newBuilder().maximumSize(maxActivities).expireAfterWrite(Duration.ofMillis(soldOutMillis))
                .executor(Runnable::run).build();
        ordersOfBuyers = Caffeine.newBuilder().maximumSize(maxBuyers).executor(Runnable::run).build();
        publishSize("terms", terms);
        publishSize("sold-out", soldOut);
        publishSize("buyers", ordersOfBuyers);
    }

    private void publishSize(String name, Cache<?, ?> cache) {
        registry.gauge(Metadata.builder().withName("seckill_catalog_entries")
                .withDescription("Entries in this instance's memory of the sales, by cache (each bounded)").build(),
                cache, Cache::estimatedSize, new Tag("cache", name));
    }

    @PreDestroy
    void stop() {
        refresher.stop();
    }

    public ActivityTerms terms(ActivityId id) {
        long now = System.nanoTime();
        Cached cached = terms.getIfPresent(id.value());
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
            terms.asMap().replace(id.value(), known, new Cached(known.terms(), now)); // next attempt after another period
            return known; // the terms of a sale do not change: keep selling on what we knew while MySQL is away
        }
    }

    public boolean soldOut(ActivityId id) {
        return soldOut.getIfPresent(id.value()) != null;
    }

    public void markSoldOut(ActivityId id) {
        soldOut.put(id.value(), Boolean.TRUE);
    }

    /**
     * Remembers who bought here, so that a buyer asking again while the sold-out flag is up still hears
     * already-purchased with the order id (the flag spares Redis; the memory is per instance, like the flag).
     */
    public void rememberOrder(ActivityId id, long userId, String orderId) {
        ordersOfBuyers.put(new Buyer(id.value(), userId), orderId);
    }

    public Optional<String> rememberedOrder(ActivityId id, long userId) {
        return Optional.ofNullable(ordersOfBuyers.getIfPresent(new Buyer(id.value(), userId)));
    }

    public void forgetOrder(ActivityId id, long userId) {
        ordersOfBuyers.invalidate(new Buyer(id.value(), userId));
    }

    public void forget(ActivityId id) {
        terms.invalidate(id.value());
        soldOut.invalidate(id.value());
        ordersOfBuyers.asMap().keySet().removeIf(buyer -> buyer.activity() == id.value());
    }

    /**
     * Sales this instance has seen that may hold a purchase still on its way to MySQL: on now, or ended in the last
     * minutes (a purchase is written within seconds), not every sale it remembers.
     */
    public Collection<ActivityId> mayHavePendingOrders() {
        Instant endedBefore = Instant.now().minus(PENDING_AFTER_END);
        return terms.asMap().values().stream()
                .map(Cached::terms)
                .flatMap(Optional::stream)
                .filter(activity -> activity.endsAt().isAfter(endedBefore))
                .map(ActivityTerms::id)
                .toList();
    }
}
