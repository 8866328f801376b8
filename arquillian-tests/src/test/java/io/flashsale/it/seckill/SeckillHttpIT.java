package io.flashsale.it.seckill;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.OrderApi;
import io.flashsale.client.ActivityApi;
import io.flashsale.client.model.Order;
import io.flashsale.client.model.Purchase;
import io.flashsale.client.model.PurchaseAccepted;
import io.flashsale.client.model.Activity;
import io.flashsale.client.problem.ApiProblemException;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.ClassAdmin;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PaymentProvider;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Redis;
import io.flashsale.it.support.Activities;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.flashsale.it.support.Problems.assertProblem;
import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flash sale over HTTP against the deployed EAR, with real Redis, Kafka and MySQL, buyers logged in. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SeckillHttpIT {

    private static final int BUYERS = 1000;
    /** The buyer a thread acts for: one typed client serves them all, as a back end shares one for its users. */
    private static final ThreadLocal<String> ACTING_FOR = new ThreadLocal<>();
    private static final String SOLD_OUT = "/problems/sold-out";
    private static final String ALREADY_PURCHASED = "/problems/already-purchased";


    final URL base = PlatformSession.serverUrl();

    private static final ClassAdmin ADMIN = new ClassAdmin();
    private static ActivityApi buyingClient;

    private record Answer(long buyer, int status, String type, String orderId) {
    }

    @Test
    void aThousandBuyersGetExactlyTheHundredUnitsAndEachBecomesOneConfirmedOrder() throws Exception {
        long activity = activities().activity(100, 1);
        List<Callable<Answer>> requests = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Account buyer = buyers().get(i);
            int copies = i % 10 == 0 ? 3 : 1; // some buyers press "buy" several times at once
            for (int c = 0; c < copies; c++) {
                requests.add(() -> purchase(buyer, activity, 1));
            }
        }
        Collections.shuffle(requests);
        List<Answer> answers = Concurrently.run(requests, 64);

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 202).toList();
        assertEquals(100, accepted.size(), "exactly the units on sale are sold");
        assertEquals(100, accepted.stream().map(Answer::buyer).distinct().count(), "no buyer twice");
        assertEquals(100, accepted.stream().map(Answer::orderId).distinct().count());
        for (Answer other : answers) {
            if (other.status() != 202) {
                assertEquals(409, other.status(), other.toString());
                assertTrue(SOLD_OUT.equals(other.type()) || ALREADY_PURCHASED.equals(other.type()), other.toString());
            }
        }
        assertEquals(0, activity(activity).remaining(), "Redis has nothing left");
        assertEquals("SOLD_OUT", activity(activity).status());

        Await.until("the order writer drained the pipeline", Duration.ofSeconds(120),
                () -> Activities.orders(activity, "CONFIRMED"), confirmed -> confirmed == 100);
        assertEquals(100, Activities.distinctBuyers(activity));
        assertEquals(0, Activities.durableRemaining(activity), "activity stock in MySQL");
        assertEquals(accepted.stream().map(Answer::buyer).collect(Collectors.toSet()), Activities.buyers(activity),
                "the orders belong to exactly the buyers who were told 202");
        JsonObject report = admin().get("/api/v1/seckill/activities/" + activity + "/reconciliation").json();
        assertEquals(0, report.getInt("drift_units"), report.toString());
        assertEquals(0, report.getInt("pending_orders"), report.toString());
        assertEquals(0, report.getInt("missing_in_cache_units"), report.toString());
    }

    @Test
    void aBuyerMayTakeUpToTheLimitInOneOrderAndNeverMore() {
        long activity = activities().activity(10, 3);
        Account first = buyers().get(0);
        assertProblem(400, send(first, activity, 4));
        String firstOrder = orderIdOf(assertAccepted(first, activity, 3));
        assertAccepted(buyers().get(1), activity, 3);
        assertAccepted(buyers().get(2), activity, 3);
        assertProblem(409, SOLD_OUT, send(buyers().get(3), activity, 3));
        assertAccepted(buyers().get(3), activity, 1);
        Http.Reply again = send(first, activity, 1);
        assertProblem(409, ALREADY_PURCHASED, again);
        assertEquals(firstOrder, again.json().getString("order_id"), "the answer names the existing order");
        assertProblem(409, SOLD_OUT, send(buyers().get(4), activity, 1));

        Await.until("four orders confirmed", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 4);
        assertEquals(10, Activities.unitsSold(activity));
        assertEquals(0, Activities.durableRemaining(activity));
    }

    @Test
    void unpaidOrdersAreCancelledAfterThePaymentWindowAndTheirUnitsSellAgain() throws Exception {
        long product = activities().product(10);
        long activity = activities().activity(product, 1, 1, 3);
        Account buyer = buyers().get(10);
        Account rival = buyers().get(11);

        Http.Reply first = assertAccepted(buyer, activity, 1);
        String firstOrder = orderIdOf(first);
        assertEquals("/api/v1/seckill/orders/" + firstOrder,
                first.header("Location").map(l -> l.substring(l.indexOf("/api/"))).orElseThrow());
        assertProblem(409, SOLD_OUT, send(rival, activity, 1));
        Await.until("the order confirmed", Duration.ofSeconds(60), () -> order(buyer, firstOrder),
                order -> order.status().equals("CONFIRMED"));
        Await.until("the unpaid order cancelled after its 3 s window", Duration.ofSeconds(60),
                () -> order(buyer, firstOrder), order -> order.status().equals("CANCELLED"));
        Await.until("the unit back on sale", Duration.ofSeconds(30),
                () -> activity(activity).remaining(), remaining -> remaining == 1);
        assertEquals(1, Activities.durableRemaining(activity), "the unit is back in MySQL too");

        String secondOrder = orderIdOf(Await.until("the buyer buys again", Duration.ofSeconds(10),
                () -> send(buyer, activity, 1), reply -> reply.status() == 202));
        assertProblem(409, SOLD_OUT, send(rival, activity, 1));
        Http.Reply started = Await.until("the second order's payment started once confirmed",
                Duration.ofSeconds(60),
                () -> http().as(buyer.token()).post("/api/v1/seckill/orders/" + secondOrder + "/pay"),
                reply -> reply.status() != 409);
        assertEquals(202, started.status(), started.body());
        Http.Reply paid = PaymentProvider.of(http()).confirm(secondOrder,
                started.json().getString("payment_reference"), started.json().getJsonNumber("amount").bigDecimalValue());
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.json().getString("status"));
        assertProblem(409, "/problems/order-not-payable",
                http().as(buyer.token()).post("/api/v1/seckill/orders/" + firstOrder + "/pay"));
        assertProblem(404, http().as(rival.token()).post("/api/v1/seckill/orders/" + secondOrder + "/pay"));
        // a witness instead of a pause: an unpaid order placed after the paid one, with the same window, is cancelled
        // by a sweep whose cut-off lies past the paid order; that sweep left the paid order alone
        long witnessSale = activities().activity(activities().product(1), 1, 1, 3);
        String witness = orderIdOf(assertAccepted(rival, witnessSale, 1));
        Await.until("the later unpaid witness order cancelled", Duration.ofSeconds(60), () -> order(rival, witness),
                order -> order.status().equals("CANCELLED"));
        assertEquals("PAID", order(buyer, secondOrder).status(), "a paid order is never cancelled");

        List<String> firstEvents = KafkaTopics.read("seckill.orders", firstOrder, 2, Duration.ofSeconds(30))
                .stream().map(KafkaTopics.Event::type).toList();
        assertEquals(List.of("OrderConfirmed", "OrderCancelled"), firstEvents);
        List<String> secondEvents = KafkaTopics.read("seckill.orders", secondOrder, 2, Duration.ofSeconds(30))
                .stream().map(KafkaTopics.Event::type).toList();
        assertEquals(List.of("OrderConfirmed", "OrderPaid"), secondEvents);
    }

    @Test
    void redeliveredPurchaseEventsNeverMakeASecondOrder() {
        long activity = activities().activity(5, 1);
        Account buyer = buyers().get(20);
        String orderId = orderIdOf(assertAccepted(buyer, activity, 1));
        KafkaTopics.Event purchase = KafkaTopics.read("seckill.purchases", orderId, 1, Duration.ofSeconds(30)).get(0);
        Await.until("the order confirmed", Duration.ofSeconds(60), () -> order(buyer, orderId),
                order -> order.status().equals("CONFIRMED"));
        double duplicatesBefore = Metrics.value(http(), "seckill_order_duplicates_total");

        for (int i = 0; i < 3; i++) {
            KafkaTopics.publish("seckill.purchases", orderId, purchase.type(), purchase.eventId(), purchase.value());
        }

        Await.until("the redeliveries recognised", Duration.ofSeconds(60),
                () -> Metrics.value(http(), "seckill_order_duplicates_total"), n -> n >= duplicatesBefore + 3);
        assertEquals(duplicatesBefore + 3, Metrics.value(http(), "seckill_order_duplicates_total"));
        assertEquals(1, Activities.orders(activity, "CONFIRMED"));
        assertEquals(4, Activities.durableRemaining(activity), "the unit was taken once");
    }

    @Test
    void aSaleWhoseRedisCopyIsLostIsRebuiltFromMysqlAndSellsOnCorrectly() {
        long activity = activities().activity(5, 1);
        Account early = buyers().get(50);
        String earlyOrder = orderIdOf(assertAccepted(early, activity, 1));
        assertAccepted(buyers().get(51), activity, 1);
        Await.until("two orders confirmed", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 2);

        try (UnifiedJedis client = Redis.client()) {
            client.del("sk:{a" + activity + "}:stock", "sk:{a" + activity + "}:buyers", "sk:{a" + activity + "}:orders");
        }

        Await.until("housekeeping rebuilt the sale from MySQL", Duration.ofSeconds(60),
                () -> activity(activity).remaining(), remaining -> remaining == 3);
        Http.Reply again = Await.until("the sale answers again", Duration.ofSeconds(30),
                () -> send(early, activity, 1), reply -> reply.status() != 503);
        assertProblem(409, ALREADY_PURCHASED, again);
        assertEquals(earlyOrder, again.json().getString("order_id"), "buyers were restored from the orders");
        JsonObject rebuilt = admin().post("/api/v1/seckill/activities/" + activity + "/reconciliation/rebuild", "")
                .json();
        assertEquals(0, rebuilt.getInt("drift_units"), rebuilt.toString());
        assertEquals(3, rebuilt.getInt("redis_remaining"), rebuilt.toString());
        List<Integer> lastFive = new ArrayList<>();
        for (int i = 52; i < 57; i++) {
            Http.Reply reply = send(buyers().get(i), activity, 1);
            lastFive.add(reply.status());
            if (reply.status() == 409) {
                assertProblem(409, SOLD_OUT, reply);
            }
        }
        assertEquals(List.of(202, 202, 202, 409, 409), lastFive, "the 3 units left, then sold out");
        Await.until("the sale sold out exactly", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 5);
        assertEquals(5, Activities.unitsSold(activity), "no sixth order");
        assertEquals(0, Activities.durableRemaining(activity));
        assertEquals(0, activity(activity).remaining());
    }

    @Test
    void onlyAdminsCreateSalesOnlyCustomersBuyAndBadInputChangesNothing() {
        long product = activities().product(20);
        Instant now = Instant.now();
        Http customer = http().as(buyers().get(30).token());
        String valid = Activities.activityJson(product, 5, 1, now.minusSeconds(1), now.plusSeconds(600), null);
        assertProblem(401, http().post("/api/v1/seckill/activities", valid));
        assertProblem(403, customer.post("/api/v1/seckill/activities", valid));

        String path = "/api/v1/seckill/activities";
        assertProblem(400, admin().post(path, Activities.activityJson(product, 0, 1, now, now.plusSeconds(60), null)));
        assertProblem(400, admin().post(path, Activities.activityJson(product, 5, 6, now, now.plusSeconds(60), null)));
        assertProblem(400, admin().post(path, Activities.activityJson(product, 5, 1, now.plusSeconds(60), now, null)));
        assertProblem(400, admin().post(path, Activities.activityJson(product, 5, 1, now.minusSeconds(60),
                now.minusSeconds(1), null)));
        assertProblem(400, admin().post(path, Activities.activityJson(product, 5, 1, now, now.plusSeconds(60), 0)));
        assertProblem(400, admin().post(path, "{\"product_id\":" + product + "}"));
        assertProblem(400, admin().post(path, "{\"product_id\":"));
        assertProblem(400, admin().post(path, Activities.activityJson(product, 5, 1, now, now.plusSeconds(60), null)
                .replace("\"price\":1.99", "\"price\":-1")));
        assertProblem(404, admin().post(path, Activities.activityJson(Long.MAX_VALUE, 5, 1, now, now.plusSeconds(60),
                null)));
        assertProblem(409, "/problems/insufficient-stock",
                admin().post(path, Activities.activityJson(product, 21, 1, now, now.plusSeconds(60), null)));
        assertEquals(20, http().get("/api/v1/products/" + product + "/stock").json().getInt("stock"),
                "no rejected sale took units");

        long activity = activities().activity(product, 5, 2, null);
        assertEquals(15, http().get("/api/v1/products/" + product + "/stock").json().getInt("stock"));
        Activity read = activity(activity); // anonymous read
        assertEquals(5, read.remaining());
        assertEquals("ACTIVE", read.status());
        assertEquals(2, read.perUserLimit());

        assertProblem(401, http().post(purchasePath(activity), quantity(1)));
        assertProblem(403, admin().post(purchasePath(activity), quantity(1)));
        assertProblem(400, customer.post(purchasePath(activity), quantity(0)));
        assertProblem(400, customer.post(purchasePath(activity), quantity(3)));
        assertProblem(400, customer.post(purchasePath(activity), "{\"quantity\":\"two\"}"));
        assertProblem(400, customer.post(purchasePath(activity), ""));
        assertProblem(404, customer.post(purchasePath(Long.MAX_VALUE), quantity(1)));
        assertProblem(404, customer.post(purchasePath(0), quantity(1)));
        assertProblem(404, http().get("/api/v1/seckill/activities/" + Long.MAX_VALUE));
        assertProblem(403, customer.get("/api/v1/seckill/activities/" + activity + "/reconciliation"));
        assertEquals(5, activity(activity).remaining(), "no rejected purchase took a unit");

        long big = activities().activity(5_000, 1); // larger than one stock reservation request may be
        assertEquals(5_000, activity(big).remaining());

        long later = new Activities(admin()).activityLater(product, 60);
        double notActive = purchaseOutcomes("not_active");
        assertProblem(409, "/problems/activity-not-active", customer.post(purchasePath(later), quantity(1)));
        assertEquals(notActive + 1, purchaseOutcomes("not_active"));
        assertEquals("SCHEDULED", activity(later).status());
    }

    /** A sale scheduled to start soon is put into Redis ahead of its start, refuses before it and sells from it. */
    @Test
    void aScheduledSaleIsWarmedBeforeItStartsAndSellsOnceItHas() {
        Account buyer = buyers().get(60); // first: signing up the crowd may take longer than the sale's lead
        long product = activities().product(10);
        long later = activities().activityLater(product, 10);
        Await.until("warmed into Redis before its start", Duration.ofSeconds(8),
                () -> admin().get("/api/v1/seckill/activities/" + later + "/reconciliation").json(),
                report -> report.getInt("redis_remaining") == 5);
        assertEquals("SCHEDULED", activity(later).status(), "still before its start");
        assertProblem(409, "/problems/activity-not-active", send(buyer, later, 1));
        Http.Reply bought = Await.until("the sale selling once started", Duration.ofSeconds(30),
                () -> send(buyer, later, 1), reply -> reply.status() != 409);
        assertEquals(202, bought.status(), bought.body());
        assertEquals(4, activity(later).remaining());
    }

    /**
     * Redis and MySQL disagree (here Redis lost 2 units): reconciliation shows the drift, the drift metric carries
     * it, and a rebuild makes Redis MySQL's copy again.
     */
    @Test
    void aDriftBetweenRedisAndMysqlIsReportedPublishedAndRepairedByARebuild() {
        long activity = activities().activity(5, 1);
        String orderId = orderIdOf(assertAccepted(buyers().get(61), activity, 1));
        Await.until("the order durable", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 1);
        try (UnifiedJedis client = Redis.client()) {
            client.decrBy("sk:{a" + activity + "}:stock", 2);
        }
        String reconciliation = "/api/v1/seckill/activities/" + activity + "/reconciliation";
        JsonObject report = admin().get(reconciliation).json();
        assertEquals(2, report.getInt("drift_units"), report.toString());
        assertEquals(4, report.getInt("mysql_remaining"), report.toString());
        assertEquals(2, report.getInt("redis_remaining"), report.toString());
        String sale = "activity=\"" + activity + "\"";
        Await.until("the drift published", Duration.ofSeconds(30),
                () -> Metrics.value(http(), "seckill_reconciliation_drift_units", sale), drift -> drift == 2);

        JsonObject rebuilt = admin().post(reconciliation + "/rebuild", "").json();
        assertEquals(0, rebuilt.getInt("drift_units"), rebuilt.toString());
        assertEquals(4, rebuilt.getInt("redis_remaining"), rebuilt.toString());
        Await.until("no drift published", Duration.ofSeconds(30),
                () -> Metrics.value(http(), "seckill_reconciliation_drift_units", sale), drift -> drift == 0);
        assertEquals(orderId, send(buyers().get(61), activity, 1).json().getString("order_id"),
                "the buyer's order survived the rebuild");
    }

    /**
     * A rebuild needs the purchases already in Kafka to be durable first; while the order writer is held up (the
     * test holds the sale's row) it gives up with 409 pipeline-not-drained and the sale sells on unchanged.
     */
    @Test
    void aRebuildRefusesWhileThePipelineCannotDrain() throws Exception {
        long activity = activities().activity(5, 1);
        String rebuild = "/api/v1/seckill/activities/" + activity + "/reconciliation/rebuild";
        try (Connection locker = Database.connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.executeQuery("SELECT remaining FROM seckill_activity WHERE id = " + activity + " FOR UPDATE")
                        .close();
            }
            assertAccepted(buyers().get(62), activity, 1); // its order cannot be written while the row is held
            assertProblem(409, "/problems/pipeline-not-drained", admin().post(rebuild, ""));
            locker.rollback();
        }
        Await.until("the held-up order written", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 1);
        assertEquals(202, send(buyers().get(63), activity, 1).status(), "the sale was not left paused");
        Http.Reply rebuilt = admin().post(rebuild, "");
        assertEquals(200, rebuilt.status(), rebuilt.body());
    }

    @Test
    void aBuyerHammeringThePurchaseEndpointIsRateLimited() throws Exception {
        long activity = activities().activity(1, 1);
        Account bot = new Accounts(http()).newCustomer(); // its drained bucket stays out of the shared crowd
        List<Callable<Answer>> requests = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            requests.add(() -> purchase(bot, activity, 1));
        }
        double rateLimited = purchaseOutcomes("rate_limited");
        List<Answer> answers = Concurrently.run(requests, 16);
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status,
                Collectors.counting()));
        assertEquals(1, byStatus.getOrDefault(202, 0L), byStatus.toString());
        assertTrue(byStatus.getOrDefault(429, 0L) > 0, "some requests were rate limited: " + byStatus);
        assertEquals(rateLimited + byStatus.get(429), purchaseOutcomes("rate_limited"), "each 429 counted once");
        Http.Reply limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            Http.Reply reply = send(bot, activity, 1);
            limited = reply.status() == 429 ? reply : null;
        }
        assertNotNull(limited, "one more request within the same second is refused too");
        assertProblem(429, "/problems/rate-limited", limited);
        assertTrue(Long.parseLong(limited.header("Retry-After").orElseThrow()) >= 1);
    }

    private Http.Reply assertAccepted(Account buyer, long activity, int units) {
        Http.Reply reply = send(buyer, activity, units);
        assertEquals(202, reply.status(), reply.body());
        assertEquals("PENDING", reply.json().getString("status"));
        return reply;
    }

    private static String orderIdOf(Http.Reply accepted) {
        return accepted.json().getString("order_id");
    }

    /** As a client built on the typed client sees a purchase: accepted with an order id, or a typed refusal. */
    private Answer purchase(Account buyer, long activity, int units) {
        ACTING_FOR.set(buyer.token());
        try {
            PurchaseAccepted accepted = buying().purchase(activity, new Purchase(units));
            return new Answer(buyer.id(), 202, null, accepted.orderId());
        } catch (ApiProblemException refused) {
            return new Answer(buyer.id(), refused.status(), refused.type(), null);
        } finally {
            ACTING_FOR.remove();
        }
    }

    private Http.Reply send(Account buyer, long activity, int units) {
        return http().as(buyer.token()).post(purchasePath(activity), quantity(units));
    }

    private Order order(Account owner, String orderId) {
        return FlashSaleClients.signedIn(OrderApi.class, base(), owner.token()).getOrder(orderId);
    }

    /** Read anonymously, as a shop page does. */
    private Activity activity(long activity) {
        return FlashSaleClients.anonymous(ActivityApi.class, base()).getActivity(activity);
    }

    private URI base() {
        return URI.create(base.toString());
    }

    private ActivityApi buying() {
        synchronized (ACTING_FOR) {
            if (buyingClient == null) {
                buyingClient = FlashSaleClients.signedIn(ActivityApi.class, base(), ACTING_FOR::get);
            }
            return buyingClient;
        }
    }


    private Http http() {
        return new Http(base.toString());
    }

    private Http admin() {
        return ADMIN.get();
    }

    private Activities activities() {
        return new Activities(admin());
    }

    /** A thousand signed-up, logged-in customers, shared by the tests (each sale is a fresh activity). */
    private List<Account> buyers() {
        return new Accounts(http()).crowd(BUYERS);
    }

    private double purchaseOutcomes(String outcome) {
        return Metrics.value(http(), "seckill_purchases_total", "outcome=\"" + outcome + "\"");
    }
}
