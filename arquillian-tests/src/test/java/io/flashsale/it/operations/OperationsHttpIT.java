package io.flashsale.it.operations;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.AdminApi;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Activities;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the people running a sale watch: health, metrics, the API description, the logs. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class OperationsHttpIT {


    final URL base = PlatformSession.serverUrl();

    @Test
    void startupLivenessAndReadinessAreReported() {
        Http.Reply started = http().get("/health/started");
        assertEquals(200, started.status(), started.body());
        assertTrue(started.body().contains("\"deployment\""), started.body());
        Http.Reply live = http().get("/health/live");
        assertEquals(200, live.status(), live.body());
        JsonObject messaging = live.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "messaging".equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no messaging check: " + live.body()));
        assertEquals("UP", messaging.getString("status"), live.body());
        assertEquals("UP", messaging.getJsonObject("data").getString("seckill-purchases-in"),
                "the order writer's consumer is alive: " + live.body());
        Http.Reply ready = http().get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        Set<String> checks = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .peek(check -> assertEquals("UP", check.getString("status"), check.toString()))
                .map(check -> check.getString("name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("database", "redis", "kafka"), checks, "readiness names each data service");
    }

    @Test
    void metricsFollowAScriptedSale() {
        Http.Reply exposition = http().get("/metrics");
        assertEquals(200, exposition.status());
        assertTrue(exposition.contentType().startsWith("text/plain"), exposition.contentType());
        assertTrue(exposition.body().contains("# TYPE"), "Prometheus exposition format");
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        long activity = new Activities(admin).activity(3, 1);
        List<Account> buyers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            buyers.add(accounts.newCustomer());
        }
        double accepted = purchases("accepted");
        double soldOut = purchases("sold_out");
        double already = purchases("already_purchased");
        double rejected = purchases("rejected");
        double written = Metrics.value(http(), "seckill_orders_written_total");

        for (Account buyer : buyers) {
            http().as(buyer.token()).post(purchasePath(activity), quantity(1));
        }
        http().as(buyers.get(0).token()).post(purchasePath(activity), quantity(1));
        http().as(buyers.get(1).token()).post(purchasePath(activity), quantity(2));

        assertEquals(accepted + 3, purchases("accepted"));
        assertEquals(soldOut + 2, purchases("sold_out"));
        assertEquals(already + 1, purchases("already_purchased"));
        assertEquals(rejected + 1, purchases("rejected"));
        Await.until("orders written", Duration.ofSeconds(60),
                () -> Metrics.value(http(), "seckill_orders_written_total"), n -> n >= written + 3);
        String sale = "activity=\"" + activity + "\"";
        Await.until("the sale's remaining units published", Duration.ofSeconds(30),
                () -> Metrics.present(http(), "seckill_remaining_units")
                        && Metrics.value(http(), "seckill_remaining_units", sale) == 0
                        && http().get("/metrics").body().contains(sale), ok -> ok);
        Await.until("the sale reconciled without drift", Duration.ofSeconds(30),
                () -> http().get("/metrics").body().lines()
                        .anyMatch(l -> l.startsWith("seckill_reconciliation_drift_units") && l.contains(sale)),
                ok -> ok);
        assertEquals(0, Metrics.value(http(), "seckill_reconciliation_drift_units", sale));
        assertTrue(Metrics.present(http(), "seckill_order_writer_lag_seconds"));

        long product = new Activities(admin).product(10);
        double leasesTaken = Metrics.value(http(), "stock_lock_wait_seconds_count", "acquired=\"true\"");
        for (String strategy : List.of("pessimistic", "optimistic", "redis-lock")) {
            String timed = "strategy=\"" + strategy + "\"";
            double before = Metrics.value(http(), "stock_reservation_seconds_count", timed);
            Http.Reply reserved = admin.post("/api/v1/products/" + product + "/stock/reserve?strategy=" + strategy,
                    "{\"quantity\":1,\"order_id\":\"ops-" + UUID.randomUUID() + "\"}");
            assertEquals(200, reserved.status(), reserved.body());
            assertEquals(before + 1, Metrics.value(http(), "stock_reservation_seconds_count", timed), strategy);
        }
        assertTrue(Metrics.present(http(), "stock_optimistic_retries_total"));
        assertEquals(leasesTaken + 1, Metrics.value(http(), "stock_lock_wait_seconds_count", "acquired=\"true\""),
                "the redis-lock reservation waited for its lease once");
    }

    /** The README's metrics table: every periodic job's runs and every housekeeping step are timed as they run. */
    @Test
    void everyPeriodicJobAndHousekeepingStepIsTimed() {
        Map<String, Double> runsBefore = new HashMap<>();
        for (String job : JOBS) {
            runsBefore.put(job, Metrics.value(http(), "flashsale_job_run_seconds_count", "job=\"" + job + "\""));
        }
        for (String job : JOBS) {
            Await.until(job + " runs again and is timed", Duration.ofSeconds(30),
                    () -> Metrics.value(http(), "flashsale_job_run_seconds_count", "job=\"" + job + "\""),
                    runs -> runs >= runsBefore.get(job) + 2);
        }
        for (String step : List.of("reconcile", "warm-up", "restore-lost-cache", "release-stuck-holds",
                "release-cancelled-and-rejected-in-cache", "archive-settled", "remaining-gauges")) {
            assertTrue(Metrics.value(http(), "seckill_housekeeping_step_seconds_count", "step=\"" + step + "\"") > 0,
                    step);
        }
    }

    private static final List<String> JOBS = List.of("seckill-housekeeping", "seckill-settlement",
            "seckill-unpaid-sweep", "seckill-outbox-relay", "product-outbox-relay", "reservation-expiry");

    /**
     * What the admin console's Monitoring Data pages show is served by the monitoring REST API on the admin port:
     * the connection pool, the HTTP listener's worker pool, the HTTP service's request counts and the EJB pools must
     * hold data after some traffic, and /metrics must carry the pool and worker-pool gauges for alerting.
     */
    @Test
    void theAdminConsoleAndMetricsShowThePoolTheHttpWorkersAndTheEjbContainer() {
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        long activity = new Activities(admin).activity(2, 1);
        Account buyer = accounts.newCustomer();
        assertEquals(202, http().as(buyer.token()).post(purchasePath(activity), quantity(1)).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http().get("/api/v1/seckill/activities/" + activity).status());
        }
        Http console = AdminApi.client("/monitoring/domain/server");
        assertEquals(401, new Http("http://127.0.0.1:" + PlatformSession.platform().settings().adminPort()
                + "/monitoring/domain/server").get("/resources/flashsale-pool", "Accept", "application/json").status(),
                "the monitoring tree asks for the admin password");

        JsonObject pool = monitored(console, "/resources/flashsale-pool");
        assertTrue(count(pool, "numconnacquired") > 0, "connections were acquired: " + pool);
        assertTrue(pool.containsKey("numconnused") && pool.containsKey("numconnfree")
                && pool.containsKey("connrequestwaittime"), "used, free and wait times are shown: " + pool.keySet());

        JsonObject workers = monitored(console, "/network/http-listener-1/thread-pool");
        assertEquals(32, count(workers, "currentthreadcount"), "the configured worker pool: " + workers);
        assertTrue(count(workers, "totalexecutedtasks") > 0, "requests ran on it: " + workers);

        JsonObject requests = monitored(console, "/http-service/server/request");
        assertTrue(count(requests, "countrequests") >= 7, "the requests above were counted: " + requests);

        JsonObject beanPool = monitored(console, "/applications/flashsale/seckill-ejb.jar/ActivityService/bean-pool");
        assertTrue(beanPool.containsKey("numbeansinpool"), "the EJB pool is shown: " + beanPool.keySet());
        JsonObject bean = monitored(console, "/applications/flashsale/seckill-ejb.jar/ActivityService");
        assertTrue(count(bean, "methodreadycount") >= 1, "the EJB served the reads above: " + bean);

        String vendor = http().get("/metrics?scope=vendor").body();
        for (String gauge : List.of("jdbc_pool_connections_used", "jdbc_pool_connections_free",
                "jdbc_pool_wait_queue_length", "jdbc_pool_wait_time_max_seconds")) {
            assertTrue(vendor.lines().anyMatch(l -> l.startsWith(gauge + "{")
                            && l.contains("pool=\"resources/flashsale-pool\"")),
                    gauge + " for flashsale-pool in /metrics");
        }
        assertEquals(32, Metrics.value(vendor, "http_threadpool_current_threads", "listener=\"http-listener-1\""));
        assertTrue(Metrics.value(vendor, "http_threadpool_max_threads") == 32);
        assertTrue(vendor.lines().anyMatch(l -> l.startsWith("http_threadpool_busy_threads{")), "busy workers");
    }

    /**
     * The console is loaded while the server starts: the first request to it gets the console's own login page, not
     * Payara's "the Admin Console is starting" page that polls until the console has been loaded on demand.
     */
    @Test
    void theAdminConsoleIsLoadedBeforeItsFirstRequest() {
        Http console = new Http("http://127.0.0.1:" + PlatformSession.platform().settings().adminPort());
        Http.Reply first = console.get("/");
        assertEquals(200, first.status(), first.body());
        assertFalse(first.body().contains("feedbackZone"), "Payara's loading page was served: " + first.body());
        assertTrue(first.body().contains("j_security_check") && first.body().contains("Payara Server"),
                "the console's login page: " + first.body());
    }

    /** The monitoring REST API's answer for a node of the tree: its statistics, by name. */
    private static JsonObject monitored(Http console, String node) {
        Http.Reply reply = console.get(node, "Accept", "application/json");
        assertEquals(200, reply.status(), node + ": " + reply.body());
        JsonObject answer = reply.json();
        assertEquals("SUCCESS", answer.getString("exit_code"), node + ": " + reply.body());
        return answer.getJsonObject("extraProperties").getJsonObject("entity");
    }

    /** A statistic's value: {@code count} for counters, {@code current} for range statistics. */
    private static long count(JsonObject statistics, String name) {
        JsonObject statistic = statistics.getJsonObject(name);
        assertTrue(statistic != null, name + " is reported: " + statistics.keySet());
        return statistic.containsKey("count") ? statistic.getJsonNumber("count").longValue()
                : statistic.getJsonNumber("current").longValue();
    }

    @Test
    void aPoisonPurchaseMessageIsDeadLetteredInsteadOfBlockingThePipeline() {
        double before = Metrics.value(http(), "seckill_purchases_dead_lettered_total");
        String poison = "not a purchase " + UUID.randomUUID();
        KafkaTopics.publish("seckill.purchases", UUID.randomUUID().toString(), "SeckillPurchase",
                UUID.randomUUID().toString(), poison);

        Await.until("dead-lettered", Duration.ofSeconds(60),
                () -> Metrics.value(http(), "seckill_purchases_dead_lettered_total"), n -> n >= before + 1);
        assertTrue(KafkaTopics.read("seckill.purchases.dlq", "dead-letter", 100, Duration.ofSeconds(20)).stream()
                .anyMatch(e -> e.value().equals(poison)), "the message is on the dead-letter topic as it was");
        Accounts accounts = new Accounts(http());
        long activity = new Activities(accounts.admin()).activity(1, 1);
        Account buyer = accounts.newCustomer();
        assertEquals(202, http().as(buyer.token()).post(purchasePath(activity), quantity(1)).status());
        Await.until("later purchases still become orders", Duration.ofSeconds(60),
                () -> Activities.orders(activity, "CONFIRMED"), n -> n == 1);
    }

    @Test
    void openApiDescribesEveryEndpointOfTheContractAndTheApiPageShowsIt() {
        Http.Reply openapi = http().get("/openapi");
        assertEquals(200, openapi.status());
        String document = openapi.body();
        for (String path : List.of("/api/v1/users", "/api/v1/users/me", "/api/v1/auth/token", "/api/v1/products",
                "/api/v1/products/{id}", "/api/v1/products/{id}/stock", "/api/v1/products/{id}/stock/reserve",
                "/api/v1/products/{id}/stock/release", "/api/v1/seckill/activities", "/api/v1/seckill/activities/{id}",
                "/api/v1/seckill/activities/{id}/purchase", "/api/v1/seckill/activities/{id}/reconciliation",
                "/api/v1/seckill/activities/{id}/reconciliation/rebuild", "/api/v1/seckill/orders/{orderId}",
                "/api/v1/seckill/orders/{orderId}/pay", "/api/v1/payments/callback", "/api/v1/ping")) {
            assertTrue(document.contains(path + ":"), "OpenAPI lists " + path);
        }
        assertTrue(document.contains("application/problem+json"), "problem answers are described");
        assertTrue(document.contains("Problem:"), "the problem schema is described");
        assertTrue(document.contains("bearer"), "the bearer security scheme is described");

        // the schemas name the fields as they are on the wire: compare with real answers
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        long activity = new Activities(admin).activity(2, 1);
        Account buyer = accounts.newCustomer();
        Http.Reply purchase = http().as(buyer.token()).post(purchasePath(activity), quantity(1));
        assertSchemaMatches(document, "ActivityResponse", http().get("/api/v1/seckill/activities/" + activity));
        assertSchemaMatches(document, "PurchaseResponse", purchase);
        assertSchemaMatches(document, "OrderResponse", http().as(buyer.token())
                .get("/api/v1/seckill/orders/" + purchase.json().getString("order_id")));
        assertSchemaMatches(document, "ReconciliationResponse",
                admin.get("/api/v1/seckill/activities/" + activity + "/reconciliation"));
        assertSchemaMatches(document, "UserResponse", http().as(buyer.token()).get("/api/v1/users/me"));
        long product = new Activities(admin).product(1);
        assertSchemaMatches(document, "ProductResponse", http().get("/api/v1/products/" + product));
        assertSchemaMatches(document, "Problem", http().get("/api/v1/products/999999999"));

        Http.Reply page = http().get("/api-docs/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("url: \"/openapi\""), page.body());
        String script = page.body().replaceAll("(?s).*<script src=\"\\.\\./([^\"]+)\".*", "$1");
        assertEquals(200, http().get("/" + script).status(), "the page's Swagger UI script is served: " + script);
    }

    @Test
    void failuresAreLoggedOnceWithTheCorrelationIdTheyReturnedAndBusinessAnswersAreNot() {
        String refusedId = "it-" + UUID.randomUUID();
        Http.Reply badToken = http().as("not-a-token").get("/api/v1/users/me", "X-Request-Id", refusedId);
        assertEquals(401, badToken.status());
        assertEquals(refusedId, badToken.header("X-Request-Id").orElseThrow(), "the client's id is echoed");
        Http.Reply anonymous = http().get("/api/v1/users/me");
        assertEquals(401, anonymous.status());
        String generated = anonymous.header("X-Request-Id").orElseThrow();
        String answerId = "it-" + UUID.randomUUID();
        assertEquals(404, http().get("/api/v1/products/999999999", "X-Request-Id", answerId).status());
        assertTrue(http().get("/health/live").header("X-Request-Id").isPresent());
        String forged = "forged id <script>";
        String replaced = http().get("/api/v1/users/me", "X-Request-Id", forged).header("X-Request-Id").orElseThrow();
        assertNotEquals(forged, replaced, "an id that is not [A-Za-z0-9._-]{1,64} is replaced");
        assertTrue(replaced.matches("[A-Za-z0-9._-]{1,64}"), replaced);
        String secret = "s3cret-" + UUID.randomUUID();
        String withQuery = "it-" + UUID.randomUUID();
        assertEquals(401, http().get("/api/v1/users/me?password=" + secret, "X-Request-Id", withQuery).status());

        Await.until("the refusals logged", Duration.ofSeconds(30), () -> log(), log -> log.contains("id=" + refusedId)
                && log.contains("id=" + generated) && log.contains("id=" + withQuery));
        String log = log();
        assertFalse(log.contains(secret), "query strings are never logged");
        assertFalse(log.contains(forged), "a forged id is not logged either");
        assertEquals(1, log.lines().filter(l -> l.contains("id=" + refusedId)).count(), "one line per failure");
        assertTrue(log.lines().anyMatch(l -> l.contains("id=" + refusedId) && l.contains("status=401")
                && l.contains("/api/v1/users/me")), "method, path and status are logged");
        assertFalse(log.contains("id=" + answerId), "a 404 is an answer, not a failure: not logged");
        assertFalse(log.contains("not-a-token"), "tokens are never logged");
    }

    /** Every member of the real JSON answer is a property of the named schema in the OpenAPI (YAML) document. */
    private static void assertSchemaMatches(String document, String schema, Http.Reply answer) {
        int start = document.indexOf("\n    " + schema + ":\n");
        assertTrue(start >= 0, "schema " + schema + " is described");
        int end = document.indexOf("\n    ", start + schema.length() + 7);
        while (end >= 0 && document.charAt(end + 5) == ' ') {
            end = document.indexOf("\n    ", end + 1);
        }
        String section = document.substring(start, end < 0 ? document.length() : end);
        for (String member : answer.json().keySet()) {
            assertTrue(section.contains("\n        " + member + ":"), schema + " describes '" + member + "': "
                    + section);
        }
    }

    private static String log() {
        try {
            return Files.readString(PlatformSession.platform().domain().serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double purchases(String outcome) {
        return Metrics.value(http(), "seckill_purchases_total", "outcome=\"" + outcome + "\"");
    }

    private Http http() {
        return new Http(base.toString());
    }
}
