package io.flashsale.it.scaleout;

import io.flashsale.it.support.Concurrently;
import io.flashsale.platform.Directories;
import io.flashsale.platform.PlatformSettings.RedisEndpoint;
import io.flashsale.platform.dataservices.DataService;
import io.flashsale.platform.dataservices.EmbeddedRedisCluster;
import io.flashsale.seckill.application.port.StockLedger.UndoOutcome;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import io.flashsale.seckill.domain.model.activity.CacheSnapshot;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.infrastructure.redis.RedisStockLedger;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import io.flashsale.shared.infrastructure.redis.RedisLock;
import io.flashsale.user.infrastructure.security.RedisLoginThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sale on a real 3-master Redis Cluster (the platform's own {@link EmbeddedRedisCluster}, slots split evenly),
 * through the application's own Redis adapter, client and Lua scripts: every script's and command's keys must share
 * one slot, or the cluster client refuses it (Redis itself would answer CROSSSLOT), the adapter throws and the test
 * fails. The platform the suite shares runs on one Redis
 * server; this cluster is a second one beside it, on its own ports.
 */
class RedisClusterSaleIT {

    private static final int FIRST_PORT = 17379;
    private static final int MASTERS = 3;

    private static final String PASSWORD = UUID.randomUUID().toString();
    private static EmbeddedRedisCluster cluster;
    private static RedisConnection redis;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Path.of(System.getProperty("flashsale.work.dir", "target/work")).resolveSibling("redis-cluster-it");
        Directories.deleteRecursively(dir);
        cluster = new EmbeddedRedisCluster(new RedisEndpoint("127.0.0.1", FIRST_PORT, PASSWORD, false, false,
                null, MASTERS), () -> PASSWORD, dir);
        cluster.start();
        redis = RedisConnection.to(cluster.endpoint(), true, PASSWORD, false, 64, 2_000);
    }

    @AfterAll
    static void stopCluster() {
        if (redis != null) {
            redis.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void aHundredUnitsGoToAHundredOfAThousandBuyersAskingTwiceAndTheBooksBalance() throws Exception {
        RedisStockLedger books = new RedisStockLedger(redis, 24);
        ActivityId sale = new ActivityId(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000));
        Instant now = Instant.now();
        books.warm(sale, 100, 1, now.minusSeconds(60), now.plusSeconds(3_600), now.plusSeconds(4_500));

        List<Long> buyers = new ArrayList<>();
        for (long buyer = 1; buyer <= 1_000; buyer++) {
            buyers.add(buyer);
            buyers.add(buyer); // the same buyer twice: a double click
        }
        Collections.shuffle(buyers);
        List<Callable<Map.Entry<Long, PurchaseAttempt>>> asks = buyers.stream()
                .<Callable<Map.Entry<Long, PurchaseAttempt>>>map(buyer -> () -> Map.entry(buyer,
                        books.tryPurchase(sale, buyer, 1, 1, OrderId.next(), Instant.now())))
                .toList();
        List<Map.Entry<Long, PurchaseAttempt>> answers = Concurrently.run(asks, 32);

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Long, Integer> acceptedPerBuyer = new HashMap<>();
        for (Map.Entry<Long, PurchaseAttempt> answer : answers) {
            outcomes.merge(answer.getValue().outcome(), 1, Integer::sum);
            if (answer.getValue().accepted()) {
                acceptedPerBuyer.merge(answer.getKey(), 1, Integer::sum);
            }
        }
        assertEquals(100, outcomes.get(Outcome.ACCEPTED), "exactly the units on sale are sold: " + outcomes);
        assertEquals(100, acceptedPerBuyer.size(), "no buyer bought twice: " + acceptedPerBuyer);
        assertEquals(Set.of(Outcome.ACCEPTED, Outcome.SOLD_OUT, Outcome.ALREADY_PURCHASED), outcomes.keySet(),
                "every other answer is sold out or already purchased: " + outcomes);

        CacheSnapshot sold = books.snapshot(sale);
        assertEquals(0, sold.remaining());
        assertEquals(100, sold.heldUnits(), "units conserved: 100 on sale = 0 left + 100 held");
        assertEquals(acceptedPerBuyer.keySet(),
                Set.copyOf(sold.held().stream().map(HeldPurchase::userId).toList()));

        // the order writer claims what it writes; a claimed purchase is no longer the sender's to undo
        List<OrderId> orders = sold.held().stream().map(HeldPurchase::orderId).toList();
        assertEquals(Set.copyOf(orders), books.claim(sale, orders));
        HeldPurchase first = sold.held().get(0);
        assertEquals(UndoOutcome.CLAIMED, books.undo(sale, first.userId(), first.orderId(), false));
        assertEquals(UndoOutcome.UNDONE, books.undo(sale, first.userId(), first.orderId(), true),
                "a cancelled order's unit goes back");
        assertEquals(1, books.remaining(sale).getAsInt());

        // a rebuild from the database's view (the 99 still held, 1 unit left) under the maintenance lock
        String token = UUID.randomUUID().toString();
        assertTrue(books.lockMaintenance(sale, token, 30_000));
        books.pause(sale, 30_000);
        assertEquals(Outcome.PAUSED, books.tryPurchase(sale, 5_000, 1, 1, OrderId.next(), Instant.now()).outcome());
        List<HeldPurchase> stillHeld = books.snapshot(sale).held();
        assertEquals(99, stillHeld.size());
        assertTrue(books.rebuild(sale, token, 1, stillHeld));
        books.unlockMaintenance(sale, token);
        assertEquals(Outcome.ACCEPTED, books.tryPurchase(sale, 5_000, 1, 1, OrderId.next(), Instant.now()).outcome(),
                "the rebuilt sale sells its last unit");
        assertEquals(Outcome.SOLD_OUT, books.tryPurchase(sale, 5_001, 1, 1, OrderId.next(), Instant.now()).outcome());
        assertEquals(100, books.snapshot(sale).heldUnits());

        Map<String, Set<String>> keysByNode = saleKeysByNode(sale);
        assertEquals(1, keysByNode.size(), "all of a sale's keys live on one master: " + keysByNode);
        Set<Long> slots = new HashSet<>();
        try (Jedis node = node(keysByNode.keySet().iterator().next())) {
            for (String key : keysByNode.values().iterator().next()) {
                slots.add(node.clusterKeySlot(key));
            }
        }
        assertEquals(1, slots.size(), "and in one slot: " + keysByNode);

        books.forget(sale);
        assertTrue(saleKeysByNode(sale).isEmpty(), "forgetting a sale deletes all its keys (one multi-key DEL)");
    }

    /**
     * A sale of 2,500 buyers: its counters follow every step (the periodic check reads them, not the buyers), every
     * key it has expires with the sale, and a rebuild writes the buyers in chunks and swaps them in, keeping both.
     */
    @Test
    void aBigSalesCountersAndExpiryFollowEveryStepAndSurviveARebuild() {
        RedisStockLedger books = new RedisStockLedger(redis, 24);
        ActivityId sale = new ActivityId(ThreadLocalRandom.current().nextLong(4_000_000, 5_000_000));
        Instant now = Instant.now();
        Instant paymentsClose = now.plusSeconds(4_500);
        books.warm(sale, 3_000, 1, now.minusSeconds(60), now.plusSeconds(3_600), paymentsClose);
        List<OrderId> orders = new ArrayList<>();
        for (long buyer = 1; buyer <= 2_500; buyer++) {
            OrderId order = OrderId.next();
            assertEquals(Outcome.ACCEPTED, books.tryPurchase(sale, buyer, 1, 1, order, Instant.now()).outcome());
            orders.add(order);
        }
        assertEquals(new CacheCounters(true, 500, 2_500, 2_500, OptionalInt.of(2_500)), books.counters(sale));

        assertEquals(2_000, books.claim(sale, orders.subList(0, 2_000)).size());
        assertEquals(UndoOutcome.UNDONE, books.undo(sale, 2_500, orders.get(2_499), false), "a failed send");
        assertEquals(UndoOutcome.UNDONE, books.undo(sale, 1, orders.get(0), true), "a cancelled order");
        CacheCounters counters = books.counters(sale);
        assertEquals(new CacheCounters(true, 502, 2_498, 499, OptionalInt.of(2_498)), counters);
        assertEquals(1_999, counters.claimedOrders());
        assertEveryKeyExpiresAt(sale, paymentsClose.plus(Duration.ofHours(24)), 6);

        String token = UUID.randomUUID().toString();
        assertTrue(books.lockMaintenance(sale, token, 30_000));
        books.pause(sale, 30_000);
        CacheSnapshot snapshot = books.snapshot(sale);
        assertEquals(counters, snapshot.counters());
        assertEquals(Set.copyOf(orders.subList(1, 2_499)), snapshot.held().stream().map(HeldPurchase::orderId)
                .collect(Collectors.toSet()), "the operator's snapshot, read in chunks, lists every held purchase");
        assertEquals(2_498, snapshot.held().size(), "each once");
        List<HeldPurchase> live = snapshot.held().stream()
                .map(h -> new HeldPurchase(h.orderId(), h.userId(), h.quantity(), h.acceptedAt(), true)).toList();
        assertTrue(books.rebuild(sale, token, 502, live));
        books.unlockMaintenance(sale, token);
        assertEquals(new CacheCounters(true, 502, 2_498, 0, OptionalInt.of(2_498)), books.counters(sale),
                "rebuilt: the same buyers, all claimed");
        assertEquals(Outcome.ALREADY_PURCHASED, books.tryPurchase(sale, 2, 1, 1, OrderId.next(), Instant.now())
                .outcome(), "the buyers came back with the rebuild");
        assertEveryKeyExpiresAt(sale, paymentsClose.plus(Duration.ofHours(24)), 5);

        books.forget(sale);
        assertTrue(saleKeysByNode(sale).isEmpty(), "forgetting a sale unlinks all its keys");
    }

    /** Every key of the sale (stock, buyers, orders, meta, unclaimed, undone: no rebuild leftovers) expires then. */
    private static void assertEveryKeyExpiresAt(ActivityId sale, Instant expires, int keys) {
        Map<String, Set<String>> byNode = saleKeysByNode(sale);
        Set<String> names = byNode.values().iterator().next();
        assertEquals(keys, names.size(), names.toString());
        try (Jedis node = node(byNode.keySet().iterator().next())) {
            for (String key : names) {
                long expiresAt = System.currentTimeMillis() + node.pttl(key); // Redis 6.2: no PEXPIRETIME
                assertTrue(Math.abs(expiresAt - expires.toEpochMilli()) < 10_000, key + " expires with the sale, at "
                        + expires + ", not " + Instant.ofEpochMilli(expiresAt));
            }
        }
    }

    @Test
    void salesSpreadOverEveryMaster() {
        RedisStockLedger books = new RedisStockLedger(redis, 24);
        Instant now = Instant.now();
        Set<String> masters = new HashSet<>();
        List<ActivityId> activities = new ArrayList<>();
        for (long id = 3_000_000; id < 3_000_030; id++) {
            ActivityId sale = new ActivityId(id);
            activities.add(sale);
            books.warm(sale, 10, 1, now.minusSeconds(60), now.plusSeconds(3_600), now.plusSeconds(4_500));
            masters.addAll(saleKeysByNode(sale).keySet());
        }
        activities.forEach(books::forget);
        assertEquals(MASTERS, masters.size(), "30 sales land on every master, not one: " + masters);
    }

    @Test
    void locksTheLoginThrottleAndTheReadinessProbeWorkOnTheCluster() {
        assertEquals("PONG", redis.client().ping(), "the readiness probe's PING");

        String key = "lock:{product-" + UUID.randomUUID() + "}";
        assertTrue(RedisLock.take(redis.client(), key, "a", Duration.ofSeconds(5)));
        assertFalse(RedisLock.take(redis.client(), key, "b", Duration.ofSeconds(5)), "held by a");
        RedisLock.release(redis.client(), key, "a");
        assertTrue(RedisLock.take(redis.client(), key, "b", Duration.ofSeconds(5)), "released by a");
        RedisLock.release(redis.client(), key, "b");

        LuaScript attempt = LuaScript.fromClasspath(RedisLoginThrottle.class, "login-attempt.lua");
        String budget = "login:{alice@127.0.0.1-" + UUID.randomUUID() + "}";
        List<String> keys = List.of(budget + ":attempts", budget + ":lock");
        List<String> settings = List.of("900000", "5", "30000", "900000");
        List<Long> locks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            locks.add(((Number) attempt.run(redis.client(), keys, settings)).longValue());
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 30_000L), locks, "5 free attempts, then locked for 30 s");
        redis.client().del(keys.get(0));
        redis.client().del(keys.get(1));
    }

    /** Node (host:port) to the sale's keys it holds. */
    private static Map<String, Set<String>> saleKeysByNode(ActivityId sale) {
        Map<String, Set<String>> found = new HashMap<>();
        for (DataService master : cluster.nodes()) {
            try (Jedis node = node(master.endpoint())) {
                Set<String> keys = node.keys("sk:{a" + sale.value() + "}:*");
                if (!keys.isEmpty()) {
                    found.put(master.endpoint(), keys);
                }
            }
        }
        return found;
    }

    private static Jedis node(String endpoint) {
        return new Jedis(HostAndPort.from(endpoint),
                DefaultJedisClientConfig.builder().password(PASSWORD).protocol(RedisProtocol.RESP2).build());
    }
}
