package io.flashsale.it.reliability;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Deployments;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.it.support.Sales;
import io.flashsale.platform.Directories;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.dataservices.DataService;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.flashsale.it.support.Problems.assertProblem;
import static io.flashsale.it.support.Sales.purchasePath;
import static io.flashsale.it.support.Sales.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real processes really killed, by PID, while buyers purchase; each scenario ends with {@link SaleInvariants}. The
 * results are what the README's reliability section reports.
 */
@ExtendWith(ArquillianExtension.class)
class FaultInjectionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private record Sale(long product, int productUnits, long activity) {
    }

    @Test
    void payaraKilledMidSaleLosesNoAcceptedOrderAndItsStrandedHoldsAreReleased() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 160);
        List<Account> buyers = customers(accounts, 150);
        Account stranded = accounts.newCustomer();
        String strandedOrder;

        Crowd crowd = new Crowd(http, sale.activity(), buyers, 12);
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            // what a crash between the Redis step and the Kafka send leaves behind: units held, nothing on its way
            strandedOrder = strandHold(sale.activity(), stranded.id(), Instant.now().minusSeconds(40));
            long payara = Processes.listeningOn(settings().httpPort());
            System.out.printf("[fault] SIGKILL Payara (pid %d) after %d purchases accepted%n", payara,
                    crowd.acceptedSoFar());
            Processes.kill(payara);
            crowd.pauseBuying();
            PlatformSession.platform().domain().start();
            Await.until("Payara ready again", Duration.ofSeconds(240), () -> status(http, "/health/ready"),
                    s -> s == 200);
            crowd.resumeBuying();
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        report(crowd);
        SaleInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), crowd.accepted());

        assertEquals(0, Sales.queryInt("SELECT COUNT(*) FROM seckill_order WHERE order_id = '" + strandedOrder
                + "' AND activity_id = ?", sale.activity()), "the stranded purchase never became an order");
        assertTrue(Metrics.value(http, "seckill_holds_released_total") >= 1, "the stranded hold was released");
        Http.Reply again = http.as(stranded.token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, again.status(), "its buyer may buy again: " + again.body());
    }

    @Test
    void kafkaKilledMidSaleAndRestartedLosesNoAcceptedOrder() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 60);
        List<Account> buyers = customers(accounts, 100);
        DataService kafka = PlatformSession.platform().embedded("kafka").orElseThrow();

        Crowd crowd = new Crowd(http, sale.activity(), buyers, 8);
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            long broker = Processes.listeningOn(settings().kafka().port());
            System.out.printf("[fault] SIGKILL Kafka (pid %d) after %d purchases accepted%n", broker,
                    crowd.acceptedSoFar());
            Processes.kill(broker);
            Thread.sleep(5_000); // buyers meet the dead broker
            kafka.stop();
            kafka.start();
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        report(crowd);
        Map<String, String> statuses = SaleInvariants.hold(admin, sale.product(), sale.productUnits(),
                sale.activity(), crowd.accepted());
        assertEquals(60, statuses.values().stream().filter("CONFIRMED"::equals).count(),
                "every unit sold exactly once, to a buyer told 202: " + crowd.summary());
    }

    @Test
    void mysqlFrozenLongerThanEveryTimeoutDoesNotStopTheSaleAndTheOrdersFollow() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 60);
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
        SaleInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), accepted);
        assertEquals(60, Sales.orders(sale.activity(), "CONFIRMED"), "the order writer caught up after the freeze");
    }

    @Test
    void mysqlKilledMidSaleAndRestartedLosesNoAcceptedOrder() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 60);
        List<Account> buyers = customers(accounts, 100);
        DataService mysql = PlatformSession.platform().embedded("database").orElseThrow();

        Crowd crowd = new Crowd(http, sale.activity(), buyers, 8);
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            long pid = Processes.listeningOn(settings().database().port());
            System.out.printf("[fault] SIGKILL MariaDB (pid %d) after %d purchases accepted%n", pid,
                    crowd.acceptedSoFar());
            Processes.kill(pid);
            Thread.sleep(5_000);
            mysql.stop();
            mysql.start();
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        report(crowd);
        Map<String, String> statuses = SaleInvariants.hold(admin, sale.product(), sale.productUnits(),
                sale.activity(), crowd.accepted());
        assertEquals(60, statuses.values().stream().filter("CONFIRMED"::equals).count(), crowd.summary());
    }

    @Test
    void redisKilledMidSaleAndRestartedFromItsAppendOnlyFileLosesNoAcceptedOrder() throws Exception {
        redisKilledMidSale(false);
    }

    @Test
    void redisKilledMidSaleAndRestartedWithItsDataLostIsRebuiltFromMysql() throws Exception {
        redisKilledMidSale(true);
    }

    private void redisKilledMidSale(boolean dataLost) throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 60);
        List<Account> buyers = customers(accounts, 100);
        DataService redis = PlatformSession.platform().embedded("redis").orElseThrow();

        Crowd crowd = new Crowd(http, sale.activity(), buyers, 8);
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 10);
            long pid = Processes.listeningOn(settings().redis().port());
            System.out.printf("[fault] SIGKILL Redis (pid %d) after %d purchases accepted%s%n", pid,
                    crowd.acceptedSoFar(), dataLost ? ", then its data deleted" : "");
            Processes.kill(pid);
            Thread.sleep(3_000);
            redis.stop();
            if (dataLost) {
                Directories.deleteRecursively(settings().dataDir().resolve("redis")); // where the platform keeps it
            }
            redis.start();
            crowd.awaitAllAnswered(240);
        } finally {
            crowd.close();
        }
        report(crowd);
        Map<String, String> statuses = SaleInvariants.hold(admin, sale.product(), sale.productUnits(),
                sale.activity(), crowd.accepted());
        assertEquals(60, statuses.values().stream().filter("CONFIRMED"::equals).count(), crowd.summary());
    }

    @Test
    void twoRebuildsAtOnceOneRunsTheOtherIsRefused() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 100);
        List<Account> buyers = customers(accounts, 60);

        Crowd crowd = new Crowd(http, sale.activity(), buyers, 6);
        List<Http.Reply> rebuilds;
        try {
            Await.until("purchases under way", Duration.ofSeconds(60), crowd::acceptedSoFar, n -> n >= 5);
            String path = "/api/v1/seckill/activities/" + sale.activity() + "/reconciliation/rebuild";
            List<Callable<Http.Reply>> both = List.of(() -> admin.post(path, ""), () -> admin.post(path, ""));
            rebuilds = Concurrently.run(both, 2);
            crowd.awaitAllAnswered(120);
        } finally {
            crowd.close();
        }
        List<Integer> statuses = rebuilds.stream().map(Http.Reply::status).sorted().toList();
        assertEquals(List.of(200, 409), statuses, rebuilds.toString());
        assertProblem(409, "/problems/maintenance-in-progress",
                rebuilds.stream().filter(r -> r.status() == 409).findFirst().orElseThrow());
        report(crowd);
        SaleInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(), crowd.accepted());
    }

    @Test
    void aPurchaseThatCannotBeWrittenEndsRejectedAndAPoisonRecordBlocksNothing() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sale sale = sale(admin, 5);
        Account buyer = accounts.newCustomer();

        String poison = "{not json " + UUID.randomUUID();
        KafkaTopics.publish("seckill.purchases", "poison", "SeckillPurchase", UUID.randomUUID().toString(), poison);
        String tooMany = publishPurchase(sale.activity(), buyer.id(), 6); // more than the sale has in MySQL
        Http.Reply later = http.as(accounts.newCustomer().token()).post(purchasePath(sale.activity()), quantity(1));
        assertEquals(202, later.status(), later.body());

        JsonObject rejected = Await.until("the unwritable purchase is visibly rejected", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + tooMany), r -> r.status() == 200
                        && "REJECTED".equals(r.json().getString("status"))).json();
        assertEquals("units-unavailable", rejected.getString("rejection_reason"), rejected.toString());
        Await.until("the purchase behind the poison record is confirmed", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + later.json().getString("order_id")).json()
                        .getString("status"), "CONFIRMED"::equals);
        Await.until("the unreadable record is in the dead-letter topic", Duration.ofSeconds(60),
                () -> KafkaTopics.read("seckill.purchases.dlq", "dead-letter", 1000, Duration.ofSeconds(3)),
                letters -> letters.stream().anyMatch(letter -> poison.equals(letter.value())));
        SaleInvariants.hold(admin, sale.product(), sale.productUnits(), sale.activity(),
                Map.of(buyer.id(), tooMany));
    }

    @Test
    void aSettledSaleRejectsAStragglerAndOversellsNothing() {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Sales sales = new Sales(admin);
        long product = sales.product(20);
        Instant now = Instant.now();
        Http.Reply created = admin.post("/api/v1/seckill/activities",
                Sales.activityJson(product, 10, 1, now.minusSeconds(1), now.plusSeconds(4), null));
        assertEquals(201, created.status(), created.body());
        long activity = created.json().getJsonNumber("id").longValue();
        Await.until("the ended sale is settled (its units back with the product)", Duration.ofSeconds(90),
                () -> admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock"), s -> s == 20);

        double before = Metrics.value(http, "seckill_settled_sale_stragglers_total");
        String straggler = publishPurchase(activity, accounts.newCustomer().id(), 1);
        JsonObject rejected = Await.until("the straggler is rejected", Duration.ofSeconds(60),
                () -> admin.get("/api/v1/seckill/orders/" + straggler), r -> r.status() == 200
                        && "REJECTED".equals(r.json().getString("status"))).json();
        assertEquals("sale-settled", rejected.getString("rejection_reason"), rejected.toString());
        assertEquals(before + 1, Metrics.value(http, "seckill_settled_sale_stragglers_total"));
        assertEquals(20, admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock"),
                "nothing sold after settlement");
        assertEquals(0, Sales.unitsSold(activity));
    }

    private static void report(Crowd crowd) {
        System.out.println("[crowd] " + crowd.summary());
        assertEquals(List.of(), crowd.violations(), crowd.summary());
    }

    private static Sale sale(Http admin, int units) {
        Sales sales = new Sales(admin);
        long product = sales.product(units + 20);
        return new Sale(product, units + 20, sales.activity(product, units, 1, null));
    }

    private static List<Account> customers(Accounts accounts, int count) throws Exception {
        List<Callable<Account>> signUps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signUps.add(accounts::newCustomer);
        }
        return Concurrently.run(signUps, 4);
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

    /** Takes a unit for a buyer in Redis exactly as the purchase script does, and sends nothing to Kafka. */
    private static String strandHold(long activity, long user, Instant acceptedAt) {
        String order = UUID.randomUUID().toString();
        String prefix = "sk:{a" + activity + "}:";
        PlatformSettings.RedisEndpoint redis = settings().redis();
        try (RedisClient jedis = RedisClient.builder().hostAndPort(new HostAndPort(redis.host(), redis.port())).build()) {
            jedis.decrBy(prefix + "stock", 1);
            jedis.hset(prefix + "buyers", Long.toString(user), order);
            jedis.hset(prefix + "orders", order, user + ":1:" + acceptedAt.toEpochMilli());
        }
        return order;
    }
}
