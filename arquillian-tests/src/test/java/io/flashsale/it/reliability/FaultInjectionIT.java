package io.flashsale.it.reliability;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Crowd;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.it.support.Redis;
import io.flashsale.it.support.ActivityInvariants;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.Directories;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.dataservices.DataService;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.flashsale.it.support.Problems.assertProblem;
import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real processes really killed, by PID, while buyers purchase; each scenario ends with {@link ActivityInvariants}. The
 * results are what the README's reliability section reports.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class FaultInjectionIT {


    final URL base = PlatformSession.serverUrl();

    private record Activity(long product, int productUnits, long activity) {
    }

    /** What a scenario does to the platform while the crowd buys; it starts once ten purchases were accepted. */
    @FunctionalInterface
    private interface Fault {
        void strike(Activity sale, Crowd crowd) throws Exception;
    }

    private record Outcome(Activity sale, Crowd crowd, Map<String, String> statuses) {
        long confirmed() {
            return statuses.values().stream().filter("CONFIRMED"::equals).count();
        }
    }

    @Test
    void payaraKilledMidSaleLosesNoAcceptedOrderAndItsStrandedHoldsAreReleased() throws Exception {
        Http http = new Http(base.toString());
        Account stranded = new Accounts(http).newCustomer();
        String[] strandedOrder = new String[1];
        Outcome outcome = saleUnder(160, 150, 12, (sale, crowd) -> {
            // what a crash between the Redis step and the Kafka send leaves behind: units held, nothing on its way
            strandedOrder[0] = strandHold(sale.activity(), stranded.id(), Instant.now().minusSeconds(40));
            kill("Payara", settings().httpPort(), crowd);
            crowd.pauseBuying();
            PlatformSession.platform().domain().start();
            Await.until("Payara ready again", Duration.ofSeconds(240), () -> status(http, "/health/ready"),
                    s -> s == 200);
            crowd.resumeBuying();
        });

        long activity = outcome.sale().activity();
        assertEquals(0, Activities.queryInt("SELECT COUNT(*) FROM seckill_order WHERE order_id = '" + strandedOrder[0]
                + "' AND activity_id = ?", activity), "the stranded purchase never became an order");
        assertTrue(Metrics.value(http, "seckill_holds_released_total") >= 1, "the stranded hold was released");
        Await.until("no unclaimed hold older than the release bound", Duration.ofSeconds(30),
                () -> Metrics.value(http, "seckill_oldest_unclaimed_hold_seconds"), age -> age < 30);
        Http.Reply again = http.as(stranded.token()).post(purchasePath(activity), quantity(1));
        assertEquals(202, again.status(), "its buyer may buy again: " + again.body());
    }

    @Test
    void kafkaKilledMidSaleAndRestartedLosesNoAcceptedOrder() throws Exception {
        DataService kafka = PlatformSession.platform().embedded("kafka").orElseThrow();
        Outcome outcome = saleUnder(60, 100, 8, (sale, crowd) -> {
            kill("Kafka", settings().kafka().port(), crowd);
            Thread.sleep(5_000); // buyers meet the dead broker
            kafka.stop();
            kafka.start();
        });
        assertEquals(60, outcome.confirmed(), "every unit sold exactly once, to a buyer told 202: "
                + outcome.crowd().summary());
    }

    @Test
    void mysqlKilledMidSaleAndRestartedLosesNoAcceptedOrder() throws Exception {
        DataService mysql = PlatformSession.platform().embedded("database").orElseThrow();
        Outcome outcome = saleUnder(60, 100, 8, (sale, crowd) -> {
            kill("MariaDB", settings().database().port(), crowd);
            Thread.sleep(5_000);
            mysql.stop();
            mysql.start();
        });
        assertEquals(60, outcome.confirmed(), outcome.crowd().summary());

        // the background jobs outlived the crash (Payara expunges an EJB timer whose runs failed): a stranded hold
        // planted now is released by the housekeeping
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Activity sale = sale(accounts.admin(), 5);
        Account buyer = accounts.newCustomer();
        String stranded = strandHold(sale.activity(), buyer.id(), Instant.now().minusSeconds(40));
        try (UnifiedJedis jedis = redis()) {
            Await.until("housekeeping releases a stranded hold after the database crash", Duration.ofSeconds(60),
                    () -> jedis.hexists("sk:{a" + sale.activity() + "}:orders", stranded), held -> !held);
        }
    }

    @Test
    void redisKilledMidSaleAndRestartedFromItsAppendOnlyFileLosesNoAcceptedOrder() throws Exception {
        assertEquals(60, redisKilledMidSale(false).confirmed());
    }

    @Test
    void redisKilledMidSaleAndRestartedWithItsDataLostIsRebuiltFromMysql() throws Exception {
        assertEquals(60, redisKilledMidSale(true).confirmed());
    }

    private Outcome redisKilledMidSale(boolean dataLost) throws Exception {
        DataService redis = PlatformSession.platform().embedded("redis").orElseThrow();
        return saleUnder(60, 100, 8, (sale, crowd) -> {
            kill("Redis", settings().redis().port(), crowd);
            Thread.sleep(3_000);
            redis.stop();
            if (dataLost) {
                System.out.println("[fault] Redis data directory deleted");
                Directories.deleteRecursively(settings().dataDir().resolve("redis")); // where the platform keeps it
            }
            redis.start();
        });
    }

    @Test
    void aRedisCopyThatLostPartOfItsWritesIsDetectedAndRebuilt() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activity sale = sale(admin, 10);
        Account buyer = accounts.newCustomer();
        Http.Reply bought = http.as(buyer.token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, bought.status(), bought.body());
        String order = bought.json().getString("order_id");
        Await.until("the order is durable", Duration.ofSeconds(60), () -> Activities.orders(sale.activity(), "CONFIRMED"),
                n -> n == 1);

        // what an AOF that lost its last second (or a promoted replica) looks like: the purchase never happened
        String prefix = "sk:{a" + sale.activity() + "}:";
        try (UnifiedJedis jedis = redis()) {
            jedis.hdel(prefix + "buyers", Long.toString(buyer.id()));
            jedis.hdel(prefix + "orders", order);
            jedis.incrBy(prefix + "stock", 1);
            jedis.hincrBy(prefix + "meta", "held", -1);
        }
        System.out.println("[fault] Redis forgot a confirmed purchase of activity " + sale.activity());

        ActivityInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), Map.of(buyer.id(), order));
        Http.Reply again = http.as(buyer.token()).post(purchasePath(sale.activity()), quantity(1));
        assertProblem(409, "/problems/already-purchased", again);
        assertEquals(order, again.json().getString("order_id"), "Redis knows the buyer again");
    }

    @Test
    void aLockWaitTimeoutInTheOrderWriterIsRetriedNotRejected() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activity sale = sale(admin, 10);
        Account buyer = accounts.newCustomer();
        double retriesBefore = Metrics.value(http, "seckill_order_writer_retries_total");
        String order;
        try (Connection locker = Database.connect()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement(
                    "SELECT remaining FROM seckill_activity WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, sale.activity());
                lock.executeQuery().close();
            }
            System.out.println("[fault] the row of activity " + sale.activity() + " locked by another transaction");
            Http.Reply bought = http.as(buyer.token()).post(purchasePath(sale.activity()), quantity(1));
            assertEquals(202, bought.status(), bought.body());
            order = bought.json().getString("order_id");
            Await.until("the order writer met a lock wait timeout (error 1205) and retried",
                    Duration.ofSeconds(60), () -> Metrics.value(http, "seckill_order_writer_retries_total"),
                    retries -> retries > retriesBefore);
            locker.rollback();
        }
        Await.until("the purchase is confirmed once the lock is gone", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + order).json().getString("status"), "CONFIRMED"::equals);
        ActivityInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), Map.of(buyer.id(), order));
    }

    @Test
    void slowAdminWorkLeavesTheBuyersThreadsFree() throws Exception {
        Http http = new Http(base.toString());
        Http admin = new Accounts(http).admin();
        List<Callable<Http.Reply>> rebuilds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String path = "/api/v1/seckill/activities/" + sale(admin, 5).activity() + "/reconciliation/rebuild";
            rebuilds.add(() -> admin.post(path, ""));
        }
        ExecutorService admins = Executors.newFixedThreadPool(40);
        try {
            List<Future<Http.Reply>> answers = rebuilds.stream().map(admins::submit).toList();
            Thread.sleep(1_000); // the 40 rebuilds have reached the server; each takes at least 3.5 s
            for (int i = 0; i < 20; i++) {
                assertEquals(204, http.get("/api/v1/ping").status());
            }
            long rebuilt = answers.stream().filter(Future::isDone).map(FaultInjectionIT::answer)
                    .filter(r -> r.status() == 200).count();
            assertEquals(0, rebuilt, "buyers' requests were answered while every rebuild was still running");
            List<Integer> statuses = answers.stream().map(FaultInjectionIT::answer).map(Http.Reply::status).toList();
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
            assertTrue(statuses.stream().filter(s -> s == 200).count() >= 2, statuses.toString());
            System.out.println("[admin] 40 rebuilds at once: " + statuses.stream().filter(s -> s == 200).count()
                    + " ran, the rest were refused 503 at once; pings answered meanwhile");
        } finally {
            admins.shutdownNow();
        }
    }

    private static Http.Reply answer(Future<Http.Reply> future) {
        try {
            return future.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoRebuildsAtOnceOneRunsTheOtherIsRefused() throws Exception {
        List<List<Http.Reply>> rebuilds = new ArrayList<>();
        saleUnder(100, 60, 6, (sale, crowd) -> {
            Http admin = new Accounts(new Http(base.toString())).admin();
            String path = "/api/v1/seckill/activities/" + sale.activity() + "/reconciliation/rebuild";
            rebuilds.add(Concurrently.run(List.of(() -> admin.post(path, ""), () -> admin.post(path, "")), 2));
        });
        List<Http.Reply> both = rebuilds.get(0);
        assertEquals(List.of(200, 409), both.stream().map(Http.Reply::status).sorted().toList(), both.toString());
        assertProblem(409, "/problems/maintenance-in-progress",
                both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow());
    }

    /** The sale's maintenance lock lives in Redis, which every instance shares: one held elsewhere is respected. */
    @Test
    void aRebuildWaitsWhileAnotherInstanceMaintainsTheSale() {
        Http admin = new Accounts(new Http(base.toString())).admin();
        Activity sale = sale(admin, 10);
        String path = "/api/v1/seckill/activities/" + sale.activity() + "/reconciliation/rebuild";
        String lock = "sk:{a" + sale.activity() + "}:maintenance";
        try (UnifiedJedis jedis = redis()) {
            assertEquals("OK", jedis.set(lock, "another-instance", SetParams.setParams().nx().px(60_000)));
            assertProblem(409, "/problems/maintenance-in-progress", admin.post(path, ""));
            assertEquals("another-instance", jedis.get(lock), "the other instance's lock is left alone");
            jedis.del(lock); // the other instance is done
        }
        Http.Reply rebuilt = admin.post(path, "");
        assertEquals(200, rebuilt.status(), rebuilt.body());
        try (UnifiedJedis jedis = redis()) {
            assertFalse(jedis.exists(lock), "the rebuild released its own lock");
        }
    }

    /**
     * A sale of {@code units} (one per buyer) to {@code buyerCount} buyers, {@code concurrency} at a time; the fault
     * strikes once ten purchases were accepted; then every buyer is answered and the invariants are checked.
     */
    private Outcome saleUnder(int units, int buyerCount, int concurrency, Fault fault) throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activity sale = sale(admin, units);
        List<Account> buyers = customers(accounts, buyerCount);
        Crowd crowd = new Crowd(http, sale.activity(), buyers, concurrency);
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            fault.strike(sale, crowd);
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        report(crowd);
        return new Outcome(sale, crowd, ActivityInvariants.hold(admin, sale.product(), sale.productUnits(),
                sale.activity(), crowd.accepted()));
    }

    private static void kill(String server, int port, Crowd crowd) {
        long pid = Processes.listeningOn(port);
        System.out.printf("[fault] SIGKILL %s (pid %d) after %d purchases accepted%n", server, pid,
                crowd.acceptedSoFar());
        Processes.kill(pid);
    }

    @Test
    void mysqlFrozenLongerThanEveryTimeoutDoesNotStopTheSaleAndTheOrdersFollow() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activity sale = sale(admin, 60);
        List<Account> buyers = customers(accounts, 100);
        Http.Reply warm = http.as(buyers.get(0).token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, warm.status(), warm.body());
        long mysql = Processes.listeningOn(settings().database().port());

        Crowd crowd;
        System.out.printf("[fault] SIGSTOP MariaDB (pid %d) for 75 s after the crowd is served%n", mysql);
        Processes.signal(mysql, "STOP");
        try {
            crowd = new Crowd(http, sale.activity(), buyers.subList(1, buyers.size()), 8);
            crowd.awaitAllAnswered(60); // while MySQL is frozen: the sale runs on Redis, Kafka and cached terms
            Thread.sleep(75_000); // beyond the socket timeout (30 s) and SmallRye's default record max age (60 s)
            assertEquals(503, status(http, "/health/ready"), "readiness shows the frozen database");
        } finally {
            Processes.signal(mysql, "CONT");
        }
        crowd.close();
        report(crowd);
        Map<Long, String> accepted = new HashMap<>(crowd.accepted());
        accepted.put(buyers.get(0).id(), warm.json().getString("order_id"));
        assertEquals(60, accepted.size(), "every unit sold while MySQL was frozen: " + crowd.summary());
        ActivityInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), accepted);
        assertEquals(60, Activities.orders(sale.activity(), "CONFIRMED"), "the order writer caught up after the freeze");
    }

    @Test
    void aPurchaseThatCannotBeWrittenEndsRejectedAndAPoisonRecordBlocksNothing() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activity sale = sale(admin, 5);
        Account buyer = accounts.newCustomer();

        String poison = "{not json " + UUID.randomUUID();
        KafkaTopics.publish("seckill.purchases", "poison", "SeckillPurchase", UUID.randomUUID().toString(), poison);
        KafkaTopics.publish("seckill.purchases", "tombstone", "SeckillPurchase", UUID.randomUUID().toString(), null);
        String tooMany = publishPurchase(sale.activity(), buyer.id(), 6); // more than the sale has in MySQL
        Http.Reply later = http.as(accounts.newCustomer().token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, later.status(), later.body());

        JsonObject rejected = Await.until("the unwritable purchase is visibly rejected", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + tooMany), r -> r.status() == 200
                        && "REJECTED".equals(r.json().getString("status"))).json();
        assertEquals("units-unavailable", rejected.getString("rejection_reason"), rejected.toString());
        Await.until("the rejected order's hold is released", Duration.ofSeconds(60), () -> Activities.queryInt(
                "SELECT COUNT(*) FROM seckill_order WHERE activity_id = ? AND cache_release_pending = 1",
                sale.activity()), pending -> pending == 0);
        Http.Reply again = http.as(buyer.token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, again.status(), "the buyer of a rejected order may buy again: " + again.body());
        Await.until("the purchase behind the poison record is confirmed", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + later.json().getString("order_id")).json()
                        .getString("status"), "CONFIRMED"::equals);
        Await.until("the unreadable record is in the dead-letter topic", Duration.ofSeconds(60),
                () -> KafkaTopics.read("seckill.purchases.dlq", "dead-letter", 1000, Duration.ofSeconds(3)),
                letters -> letters.stream().anyMatch(letter -> poison.equals(letter.value())));
        assertEquals(200, http.get("/health/live").status(), "the order writer's consumer is alive");
        ActivityInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(),
                Map.of(buyer.id(), again.json().getString("order_id")));
    }

    @Test
    void aSettledSaleRejectsAStragglerAndOversellsNothing() {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activities activities = new Activities(admin);
        long product = activities.product(20);
        Instant now = Instant.now();
        Http.Reply created = admin.post("/api/v1/seckill/activities",
                Activities.activityJson(product, 10, 1, now.minusSeconds(1), now.plusSeconds(8), null));
        assertEquals(201, created.status(), created.body());
        long activity = created.json().getJsonNumber("id").longValue();
        Await.until("the sale on now has its remaining-units gauge", Duration.ofSeconds(7),
                () -> gaugesOf(http, activity), gauges -> gauges.contains("seckill_remaining_units"));
        Await.until("the ended sale is settled (its units back with the product)", Duration.ofSeconds(90),
                () -> admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock"), s -> s == 20);
        Await.until("its gauges are gone from /metrics", Duration.ofSeconds(10), () -> gaugesOf(http, activity),
                List::isEmpty);

        double before = Metrics.value(http, "seckill_settled_sale_stragglers_total");
        String straggler = publishPurchase(activity, accounts.newCustomer().id(), 1);
        JsonObject rejected = Await.until("the straggler is rejected", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + straggler), r -> r.status() == 200
                        && "REJECTED".equals(r.json().getString("status"))).json();
        assertEquals("sale-settled", rejected.getString("rejection_reason"), rejected.toString());
        assertEquals(before + 1, Metrics.value(http, "seckill_settled_sale_stragglers_total"));
        assertEquals(20, admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock"),
                "nothing sold after settlement");
        assertEquals(0, Activities.unitsSold(activity));
    }

    /** The names of the per-sale metrics /metrics has for {@code activity}. */
    private static List<String> gaugesOf(Http http, long activity) {
        return http.get("/metrics").body().lines()
                .filter(line -> !line.startsWith("#") && line.contains("activity=\"" + activity + "\""))
                .map(line -> line.substring(0, line.indexOf('{')))
                .toList();
    }

    private static void report(Crowd crowd) {
        System.out.println("[crowd] " + crowd.summary());
        assertEquals(List.of(), crowd.violations(), crowd.summary());
    }

    private static Activity sale(Http admin, int units) {
        Activities activities = new Activities(admin);
        long product = activities.product(units + 20);
        return new Activity(product, units + 20, activities.activity(product, units, 1, null));
    }

    private static List<Account> customers(Accounts accounts, int count) {
        return accounts.crowd(count);
    }

    private static int status(Http http, String path) {
        try {
            return http.get(path).status();
        } catch (RuntimeException noAnswer) {
            return -1;
        }
    }

    private static PlatformSettings settings() {
        return PlatformSession.platform().settings();
    }

    /** A purchase as the purchase endpoint publishes it, straight onto the topic; returns its order id. */
    private static String publishPurchase(long activity, long user, int quantity) {
        String order = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();
        KafkaTopics.publish("seckill.purchases", order, "SeckillPurchase", event, "{\"event_id\":\"" + event
                + "\",\"order_id\":\"" + order + "\",\"activity_id\":" + activity + ",\"user_id\":" + user
                + ",\"quantity\":" + quantity + ",\"price\":1.99,\"occurred_at\":\"" + Instant.now() + "\"}");
        return order;
    }

    private static UnifiedJedis redis() {
        return Redis.client();
    }

    /** Takes a unit for a buyer in Redis exactly as the purchase script does, and sends nothing to Kafka. */
    private static String strandHold(long activity, long user, Instant acceptedAt) {
        String order = UUID.randomUUID().toString();
        String prefix = "sk:{a" + activity + "}:";
        try (UnifiedJedis jedis = redis()) {
            jedis.decrBy(prefix + "stock", 1);
            jedis.hset(prefix + "buyers", Long.toString(user), order);
            jedis.hset(prefix + "orders", order, user + ":1:" + acceptedAt.toEpochMilli());
            jedis.zadd(prefix + "unclaimed", acceptedAt.toEpochMilli(), order);
            jedis.hincrBy(prefix + "meta", "held", 1); // as purchase.lua keeps the units held counted
        }
        return order;
    }
}
