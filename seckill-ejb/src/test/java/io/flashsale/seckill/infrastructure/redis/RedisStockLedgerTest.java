package io.flashsale.seckill.infrastructure.redis;

import io.flashsale.seckill.application.port.StockLedger.UndoOutcome;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import io.flashsale.seckill.domain.model.activity.HeldPurchase;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each Lua script of the ledger against a real Redis server (the platform's embedded binary), one sale per test. */
class RedisStockLedgerTest {

    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final AtomicLong SALES = new AtomicLong(1);

    private static RedisServer server;
    private static RedisConnection redis;

    private final RedisStockLedger ledger = new RedisStockLedger(redis, 24);
    private final ActivityId sale = new ActivityId(SALES.getAndIncrement());
    private final Instant now = Instant.now();

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").setting("requirepass " + PASSWORD).build();
        server.start();
        redis = RedisConnection.to("127.0.0.1:" + port, false, PASSWORD, false, 8, 2_000);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void warm(int units, int perBuyer) {
        ledger.warm(sale, units, perBuyer, now.minusSeconds(60), now.plusSeconds(3_600), now.plusSeconds(4_500));
    }

    private PurchaseAttempt buy(long buyer, int units, OrderId order) {
        return ledger.tryPurchase(sale, buyer, units, 1, order, Instant.now());
    }

    @Test
    void warmOpensTheBooksOnceAndNeverRefillsARunningSale() {
        warm(10, 1);
        assertTrue(buy(1, 1, OrderId.next()).accepted());
        warm(10, 1);
        assertEquals(new CacheCounters(true, 9, 1, 1, OptionalInt.of(1)), ledger.counters(sale));
    }

    @Test
    void aPurchaseChecksWindowLimitStockAndPauseAndChangesNothingWhenRefused() {
        assertEquals(Outcome.NOT_ON_SALE, buy(1, 1, OrderId.next()).outcome(), "not warmed");
        ledger.warm(sale, 2, 1, now.plusSeconds(60), now.plusSeconds(3_600), now.plusSeconds(4_500));
        assertEquals(Outcome.OUTSIDE_WINDOW, buy(1, 1, OrderId.next()).outcome(), "before its start");
        ledger.forget(sale);
        warm(2, 1);
        assertEquals(Outcome.OVER_LIMIT, buy(1, 2, OrderId.next()).outcome());

        OrderId first = OrderId.next();
        PurchaseAttempt accepted = buy(1, 1, first);
        assertEquals(new PurchaseAttempt(Outcome.ACCEPTED, 1, null), accepted);
        assertEquals(new PurchaseAttempt(Outcome.ALREADY_PURCHASED, -1, first.value()), buy(1, 1, OrderId.next()),
                "a second click names the buyer's order");
        assertTrue(buy(2, 1, OrderId.next()).accepted());
        assertEquals(Outcome.SOLD_OUT, buy(3, 1, OrderId.next()).outcome());
        assertEquals(new CacheCounters(true, 0, 2, 2, OptionalInt.of(2)), ledger.counters(sale),
                "refusals took nothing");

        ledger.pause(sale, 30_000);
        assertEquals(Outcome.PAUSED, buy(4, 1, OrderId.next()).outcome());
    }

    @Test
    void theWriterClaimsHeldOnesSkipsUndoneOnesAndWritesOnesRedisNeverSaw() {
        warm(5, 1);
        OrderId kept = OrderId.next();
        OrderId timedOut = OrderId.next();
        OrderId unknown = OrderId.next();
        buy(1, 1, kept);
        buy(2, 1, timedOut);
        assertEquals(UndoOutcome.UNDONE, ledger.undo(sale, 2, timedOut, false), "a send that timed out");
        assertEquals(UndoOutcome.NOT_HELD, ledger.undo(sale, 2, timedOut, false), "at most once");

        assertEquals(Set.of(kept, unknown), ledger.claim(sale, List.of(kept, timedOut, unknown)));
        assertEquals(new CacheCounters(true, 4, 1, 0, OptionalInt.of(1)), ledger.counters(sale));
        assertEquals(UndoOutcome.CLAIMED, ledger.undo(sale, 1, kept, false), "a claimed purchase is durable");
        assertEquals(UndoOutcome.UNDONE, ledger.undo(sale, 1, kept, true), "its order cancelled: the unit goes back");
        assertEquals(new CacheCounters(true, 5, 0, 0, OptionalInt.of(0)), ledger.counters(sale));
        assertTrue(buy(1, 1, OrderId.next()).accepted(), "the buyer may buy again");
    }

    @Test
    void onlyTheMaintenanceLockHolderRebuildsOrLiftsThePause() {
        warm(5, 1);
        OrderId order = OrderId.next();
        buy(1, 1, order);
        String holder = UUID.randomUUID().toString();
        assertTrue(ledger.lockMaintenance(sale, holder, 30_000));
        assertFalse(ledger.lockMaintenance(sale, UUID.randomUUID().toString(), 30_000), "one at a time");
        ledger.pause(sale, 30_000);

        String stale = UUID.randomUUID().toString();
        List<HeldPurchase> durable = List.of(new HeldPurchase(order, 1, 1, now, true),
                new HeldPurchase(OrderId.next(), 2, 1, now, true));
        assertFalse(ledger.rebuild(sale, stale, 3, durable), "a rebuild whose lock expired changes nothing");
        ledger.resume(sale, stale);
        assertEquals(Outcome.PAUSED, buy(3, 1, OrderId.next()).outcome(), "nor lifts the pause");

        assertTrue(ledger.rebuild(sale, holder, 3, durable));
        assertEquals(new CacheCounters(true, 3, 2, 0, OptionalInt.of(2)), ledger.counters(sale),
                "MySQL's view: 3 left, 2 orders held, both claimed");
        assertEquals(Outcome.ALREADY_PURCHASED, buy(2, 1, OrderId.next()).outcome(), "buyers came with the rebuild");
        assertTrue(buy(3, 1, OrderId.next()).accepted(), "the pause ended with the rebuild");
        ledger.unlockMaintenance(sale, holder);
    }

    @Test
    void forgettingASaleUnlinksEveryKey() {
        warm(5, 1);
        buy(1, 1, OrderId.next());
        ledger.forget(sale);
        assertTrue(redis.client().keys("sk:{a" + sale.value() + "}:*").isEmpty());
        assertEquals(new CacheCounters(false, 0, 0, 0, OptionalInt.empty()), ledger.counters(sale));
    }
}
