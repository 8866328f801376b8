package io.flashsale.seckill.infrastructure.redis;

import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import io.flashsale.seckill.domain.model.activity.CacheSnapshot;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.shared.infrastructure.redis.RedisLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/** Every Redis failure surfaces as {@link ServiceUnavailableException}: the caller answers 503, nothing was taken. */
@ApplicationScoped
public class RedisStockLedger implements StockLedger {

    private static final LuaScript PURCHASE = LuaScript.fromClasspath(RedisStockLedger.class, "purchase.lua");
    private static final LuaScript UNDO = LuaScript.fromClasspath(RedisStockLedger.class, "undo-purchase.lua");
    private static final LuaScript CLAIM = LuaScript.fromClasspath(RedisStockLedger.class, "claim-purchases.lua");
    private static final LuaScript REBUILD = LuaScript.fromClasspath(RedisStockLedger.class, "rebuild.lua");
    private static final LuaScript RESUME = LuaScript.fromClasspath(RedisStockLedger.class, "resume.lua");
    private static final LuaScript WARM = LuaScript.fromClasspath(RedisStockLedger.class, "warm.lua");
    private static final LuaScript COUNTERS = LuaScript.fromClasspath(RedisStockLedger.class, "counters.lua");
    /** Buyers written per command while a rebuild fills its new hashes: each command stays well under a millisecond. */
    private static final int REBUILD_CHUNK = 1_000;
    private static final int CLAIM_CHUNK = 100;
    private static final int SCAN_CHUNK = 1_000;
    private static final Outcome[] OUTCOMES = Outcome.values();

    @Inject
    RedisConnection redis;

    /** How long a sale's keys outlive its last payment: settlement deletes them sooner; this is for the rest. */
    @Inject
    @ConfigProperty(name = "flashsale.seckill.cache-retention-hours", defaultValue = "24")
    long retentionHours;

    /** For the container. */
    protected RedisStockLedger() {
    }

    /** Outside a container: the Redis Cluster test drives a sale through this very adapter. */
    public RedisStockLedger(RedisConnection redis, long retentionHours) {
        this.redis = redis;
        this.retentionHours = retentionHours;
    }

    @Override
    public void warm(ActivityId activity, int units, int perUserLimit, Instant startsAt, Instant endsAt,
                     Instant paymentsCloseAt) {
        Instant expires = paymentsCloseAt.plus(Duration.ofHours(retentionHours));
        call(() -> WARM.run(redis.client(), List.of(SeckillKeys.stock(activity), SeckillKeys.meta(activity)),
                List.of(Integer.toString(units), Integer.toString(perUserLimit),
                        Long.toString(startsAt.toEpochMilli()), Long.toString(endsAt.toEpochMilli()),
                        Long.toString(expires.toEpochMilli()))));
    }

    @Override
    public PurchaseAttempt tryPurchase(ActivityId activity, long userId, int quantity, int perUserLimit,
                                       OrderId orderId, Instant at) {
        List<?> reply = (List<?>) call(() -> PURCHASE.run(redis.client(), SeckillKeys.of(activity),
                List.of(Long.toString(userId), Integer.toString(quantity), Integer.toString(perUserLimit),
                        orderId.value(), Long.toString(at.toEpochMilli()))));
        Outcome outcome = OUTCOMES[((Long) reply.get(0)).intValue()];
        String value = (String) reply.get(1);
        return switch (outcome) {
            case ACCEPTED, SOLD_OUT -> new PurchaseAttempt(outcome, Integer.parseInt(value), null);
            case ALREADY_PURCHASED -> new PurchaseAttempt(outcome, -1, value);
            default -> new PurchaseAttempt(outcome, -1, null);
        };
    }

    @Override
    public UndoOutcome undo(ActivityId activity, long userId, OrderId orderId, boolean evenIfClaimed) {
        long left = (Long) call(() -> UNDO.run(redis.client(), SeckillKeys.of(activity),
                List.of(Long.toString(userId), orderId.value(), evenIfClaimed ? "1" : "0")));
        return left >= 0 ? UndoOutcome.UNDONE : left == -2 ? UndoOutcome.CLAIMED : UndoOutcome.NOT_HELD;
    }

    @Override
    public Set<OrderId> claim(ActivityId activity, Collection<OrderId> orders) {
        List<OrderId> ids = List.copyOf(orders);
        Set<OrderId> claimed = new HashSet<>();
        // a script runs alone on Redis: a whole batch of the order writer's (up to a thousand) in one would keep every
        // buyer waiting for milliseconds, so it goes in chunks
        for (int from = 0; from < ids.size(); from += CLAIM_CHUNK) {
            List<OrderId> chunk = ids.subList(from, Math.min(ids.size(), from + CLAIM_CHUNK));
            List<?> held = (List<?>) call(() -> CLAIM.run(redis.client(), SeckillKeys.of(activity),
                    chunk.stream().map(OrderId::value).toList()));
            for (int i = 0; i < chunk.size(); i++) {
                if ((Long) held.get(i) != 0L) {
                    claimed.add(chunk.get(i));
                }
            }
        }
        return claimed;
    }

    @Override
    public OptionalInt remaining(ActivityId activity) {
        String stock = call(() -> redis.client().get(SeckillKeys.stock(activity)));
        return stock == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stock));
    }

    @Override
    public Optional<Instant> oldestUnclaimed(ActivityId activity) {
        List<Tuple> oldest = call(() -> redis.client().zrangeWithScores(SeckillKeys.unclaimed(activity), 0, 0));
        return oldest.stream().findFirst().map(t -> Instant.ofEpochMilli((long) t.getScore()));
    }

    @Override
    public List<HeldPurchase> unclaimedBefore(ActivityId activity, Instant before, int limit) {
        String unclaimed = SeckillKeys.unclaimed(activity);
        List<String> ids = call(() -> redis.client().zrangeByScore(unclaimed, Double.NEGATIVE_INFINITY,
                before.toEpochMilli() - 1, 0, limit));
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] fields = ids.toArray(String[]::new);
        List<String> values = call(() -> redis.client().hmget(SeckillKeys.orders(activity), fields));
        List<HeldPurchase> held = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                String gone = ids.get(i); // its hold went with a rebuild or a lost write: nothing to release
                call(() -> redis.client().zrem(unclaimed, gone));
            } else {
                held.add(parse(ids.get(i), value));
            }
        }
        return held;
    }

    @Override
    public Optional<HeldPurchase> held(ActivityId activity, OrderId orderId) {
        String held = call(() -> redis.client().hget(SeckillKeys.orders(activity), orderId.value()));
        return Optional.ofNullable(held).map(value -> parse(orderId.value(), value));
    }

    @Override
    public CacheSnapshot snapshot(ActivityId activity) {
        CacheCounters counters = counters(activity);
        String orders = SeckillKeys.orders(activity);
        ScanParams chunk = new ScanParams().count(SCAN_CHUNK);
        List<HeldPurchase> held = new ArrayList<>(counters.heldOrders());
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<Map.Entry<String, String>> page = call(() -> redis.client().hscan(orders, from, chunk));
            page.getResult().forEach(order -> held.add(parse(order.getKey(), order.getValue())));
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        // HSCAN may return an entry twice (the hash was resized between two chunks)
        return new CacheSnapshot(counters, held.stream().distinct().toList());
    }

    @Override
    public Map<ActivityId, CacheCounters> counters(Collection<ActivityId> activities) {
        List<ActivityId> ids = List.copyOf(activities);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object> replies = call(() -> COUNTERS.runForEach(redis.client(), ids.stream().map(SeckillKeys::of)
                .toList()));
        Map<ActivityId, CacheCounters> counters = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            List<?> reply = (List<?>) replies.get(i);
            String stock = (String) reply.get(0);
            String heldUnits = (String) reply.get(3);
            counters.put(ids.get(i), new CacheCounters(stock != null, stock == null ? 0 : Integer.parseInt(stock),
                    ((Long) reply.get(1)).intValue(), ((Long) reply.get(2)).intValue(),
                    heldUnits == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(heldUnits))));
        }
        return counters;
    }

    @Override
    public Map<ActivityId, OptionalInt> remaining(Collection<ActivityId> activities) {
        Map<ActivityId, Response<String>> replies = new LinkedHashMap<>();
        call(() -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                activities.forEach(id -> replies.put(id, pipeline.get(SeckillKeys.stock(id))));
                pipeline.sync();
            }
            return null;
        });
        Map<ActivityId, OptionalInt> remaining = new LinkedHashMap<>();
        replies.forEach((id, stock) -> {
            String units = call(stock::get);
            remaining.put(id, units == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(units)));
        });
        return remaining;
    }

    @Override
    public Map<ActivityId, Optional<Instant>> oldestUnclaimed(Collection<ActivityId> activities) {
        Map<ActivityId, Response<List<Tuple>>> replies = new LinkedHashMap<>();
        call(() -> {
            try (AbstractPipeline pipeline = redis.client().pipelined()) {
                activities.forEach(id -> replies.put(id, pipeline.zrangeWithScores(SeckillKeys.unclaimed(id),
                        0, 0)));
                pipeline.sync();
            }
            return null;
        });
        Map<ActivityId, Optional<Instant>> oldest = new LinkedHashMap<>();
        replies.forEach((id, first) -> oldest.put(id, call(first::get).stream().findFirst()
                .map(t -> Instant.ofEpochMilli((long) t.getScore()))));
        return oldest;
    }

    @Override
    public void pause(ActivityId activity, long millis) {
        call(() -> redis.client().set(SeckillKeys.paused(activity), "1", SetParams.setParams().px(millis)));
    }

    @Override
    public boolean lockMaintenance(ActivityId activity, String token, long millis) {
        return call(() -> RedisLock.take(redis.client(), SeckillKeys.maintenance(activity), token,
                Duration.ofMillis(millis)));
    }

    @Override
    public void resume(ActivityId activity, String token) {
        call(() -> RESUME.run(redis.client(), List.of(SeckillKeys.maintenance(activity), SeckillKeys.paused(activity)),
                List.of(token)));
    }

    @Override
    public void unlockMaintenance(ActivityId activity, String token) {
        call(() -> {
            RedisLock.release(redis.client(), SeckillKeys.maintenance(activity), token);
            return null;
        });
    }

    @Override
    public boolean rebuild(ActivityId activity, String token, int remaining, Collection<HeldPurchase> held) {
        List<String> staging = SeckillKeys.staging(activity, token);
        String buyers = staging.get(0);
        String orders = staging.get(1);
        long expires = Instant.now().plus(Duration.ofHours(1)).toEpochMilli(); // a rebuild that died leaves no litter
        List<HeldPurchase> all = List.copyOf(held);
        for (int from = 0; from < all.size(); from += REBUILD_CHUNK) {
            Map<String, String> chunkBuyers = new HashMap<>();
            Map<String, String> chunkOrders = new HashMap<>();
            for (HeldPurchase purchase : all.subList(from, Math.min(all.size(), from + REBUILD_CHUNK))) {
                chunkBuyers.put(Long.toString(purchase.userId()), purchase.orderId().value());
                chunkOrders.put(purchase.orderId().value(), format(purchase));
            }
            call(() -> redis.client().hset(buyers, chunkBuyers));
            call(() -> redis.client().hset(orders, chunkOrders));
            call(() -> redis.client().pexpireAt(buyers, expires));
            call(() -> redis.client().pexpireAt(orders, expires));
        }
        List<String> keys = new ArrayList<>(SeckillKeys.of(activity));
        keys.addAll(staging);
        int heldUnits = all.stream().mapToInt(HeldPurchase::quantity).sum();
        try {
            return (Long) call(() -> REBUILD.run(redis.client(), keys, List.of(token, Integer.toString(remaining),
                    Integer.toString(heldUnits)))) == 1L;
        } finally {
            call(() -> redis.client().unlink(buyers, orders)); // still there when fenced off
        }
    }

    @Override
    public void forget(ActivityId activity) {
        call(() -> redis.client().unlink(SeckillKeys.of(activity).toArray(String[]::new)));
    }

    private static String format(HeldPurchase purchase) {
        return purchase.userId() + ":" + purchase.quantity() + ":" + purchase.acceptedAt().toEpochMilli()
                + (purchase.claimed() ? ":c" : "");
    }

    private static HeldPurchase parse(String orderId, String value) {
        String[] parts = value.split(":");
        return new HeldPurchase(new OrderId(orderId), Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                Instant.ofEpochMilli(Long.parseLong(parts[2])), parts.length > 3);
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new ServiceUnavailableException("redis", e);
        }
    }
}
