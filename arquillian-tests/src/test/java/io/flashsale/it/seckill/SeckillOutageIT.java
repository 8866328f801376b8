package io.flashsale.it.seckill;

import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.dataservices.DataService;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static io.flashsale.it.support.Problems.assertProblem;
import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sale that goes on while Kafka, then Redis, is stopped: whatever was answered 202 ends CONFIRMED, whatever was
 * answered 503 left no trace (the buyer may buy again), and the units add up.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SeckillOutageIT {

    private static final int UNITS = 60;


    final URL base = PlatformSession.serverUrl();

    private final Set<Long> acceptedBuyers = new HashSet<>();
    private final Set<Long> failedBuyers = new HashSet<>();

    @Test
    void everyAcceptedPurchaseIsConfirmedAndEveryRefusedOneLeftNoTrace() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        long activity = new Activities(accounts.admin()).activity(UNITS, 1);
        List<Account> buyers = accounts.crowd(100);

        buy(http, activity, buyers.subList(0, 15));
        DataService kafka = PlatformSession.platform().embedded("kafka").orElseThrow();
        double unavailable = Metrics.value(http, "seckill_purchases_total", "outcome=\"unavailable\"");
        kafka.stop();
        try {
            List<Http.Reply> duringOutage = buy(http, activity, buyers.subList(15, 35));
            // no purchase is accepted without the broker's ack: every answer while it is down is a 503
            duringOutage.forEach(r -> assertProblem(503, "/problems/service-unavailable", r));
            assertEquals(unavailable + duringOutage.size(),
                    Metrics.value(http, "seckill_purchases_total", "outcome=\"unavailable\""), "each 503 counted");
        } finally {
            kafka.start();
        }
        Await.until("purchases go through again", Duration.ofSeconds(120),
                () -> buy(http, activity, buyers.subList(35, 36)).get(0).status(), status -> status != 503);

        DataService redis = PlatformSession.platform().embedded("redis").orElseThrow();
        redis.stop();
        try {
            List<Http.Reply> withoutRedis = buy(http, activity, buyers.subList(36, 40));
            withoutRedis.forEach(r -> assertEquals(503, r.status(), r.body()));
            // logging in needs Redis too (the login throttle): a clear 503, not a 500 or a login without it
            assertProblem(503, "/problems/service-unavailable", http.post("/api/v1/auth/token",
                    Accounts.json(buyers.get(0).username(), buyers.get(0).password())));
        } finally {
            redis.start();
        }
        Await.until("Redis back with its data (append-only file)", Duration.ofSeconds(120),
                () -> buy(http, activity, buyers.subList(40, 41)).get(0).status(), status -> status != 503);

        // those refused earlier try again, with the rest of the crowd
        List<Account> rest = new ArrayList<>(buyers.subList(41, 100));
        buyers.stream().filter(b -> failedBuyers.contains(b.id())).forEach(rest::add);
        buy(http, activity, rest);

        int accepted = acceptedBuyers.size();
        assertEquals(UNITS, accepted, "with 100 buyers for 60 units, every unit is sold in the end");
        Await.until("the pipeline drained", Duration.ofSeconds(120), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == accepted);
        assertEquals(acceptedBuyers, Activities.buyers(activity), "exactly the buyers told 202 hold orders");
        assertEquals(0, Activities.durableRemaining(activity));
        JsonObject report = accounts.admin().get("/api/v1/seckill/activities/" + activity + "/reconciliation")
                .json();
        assertEquals(0, report.getInt("drift_units"), report.toString());
        assertEquals(0, report.getInt("redis_remaining"), report.toString());
        assertEquals(0, report.getInt("pending_orders"), report.toString());
    }

    /**
     * A broker that hangs (SIGSTOP) does not refuse: purchases wait for its ack, the HTTP workers are free meanwhile,
     * and what bounds them is the in-flight limit (100 in this suite, {@code arquillian-tests/pom.xml}). Of 130
     * buyers at once, 100 wait and get 503 when the send times out (their holds undone), 30 are turned away at once
     * with 503 overloaded; none is accepted, and the sale's units are all still there.
     */
    @Test
    void purchasesPilingUpBehindAHungBrokerAreBoundedAndTheRestAreShedAtOnce() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        long activity = new Activities(accounts.admin()).activity(500, 1);
        List<Account> buyers = accounts.crowd(130);
        List<Callable<Http.Reply>> requests = new ArrayList<>();
        for (Account buyer : buyers) {
            requests.add(() -> http.as(buyer.token()).post(purchasePath(activity), quantity(1)));
        }
        double unavailable = Metrics.value(http, "seckill_purchases_total", "outcome=\"unavailable\"");
        double abandoned = Metrics.value(http, "seckill_purchases_abandoned_total");
        long broker = Processes.listeningOn(PlatformSession.platform().settings().kafka().port());
        List<Http.Reply> answers;
        Processes.signal(broker, "STOP");
        try {
            answers = Concurrently.run(requests, 130);
        } finally {
            Processes.signal(broker, "CONT");
        }

        Map<String, Long> byType = answers.stream().collect(Collectors.groupingBy(
                reply -> reply.status() + " " + (reply.status() == 202 ? "" : reply.json().getString("type")),
                Collectors.counting()));
        assertEquals(Map.of("503 /problems/service-unavailable", 100L, "503 /problems/overloaded", 30L), byType);
        answers.stream().filter(reply -> reply.json().getString("type").equals("/problems/overloaded"))
                .forEach(reply -> assertEquals("1", reply.header("Retry-After").orElse(null), reply.body()));
        assertEquals(unavailable + 130, Metrics.value(http, "seckill_purchases_total", "outcome=\"unavailable\""));
        // the producer still delivers the timed-out records once the broker resumes: the writer abandons them
        Await.until("every unit back on sale", Duration.ofSeconds(60), () -> http.get(
                "/api/v1/seckill/activities/" + activity).json().getInt("remaining"), remaining -> remaining == 500);
        Await.until("the 100 late records abandoned, not written", Duration.ofSeconds(60),
                () -> Metrics.value(http, "seckill_purchases_abandoned_total"), n -> n >= abandoned + 100);
        assertEquals(abandoned + 100, Metrics.value(http, "seckill_purchases_abandoned_total"));
        assertEquals(202, http.as(buyers.get(0).token()).post(purchasePath(activity), quantity(1)).status(),
                "a buyer turned away buys once the broker answers again");
        Await.until("that one order confirmed", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 1);
        assertEquals(1, Activities.unitsSold(activity), "no order from the records of the hung broker");
    }

    /** Every buyer presses "buy" once, 8 at a time; records who was accepted and who got 503. */
    private List<Http.Reply> buy(Http http, long activity, List<Account> buyers) {
        List<Callable<Http.Reply>> requests = new ArrayList<>();
        for (Account buyer : buyers) {
            requests.add(() -> http.as(buyer.token()).post(purchasePath(activity), quantity(1)));
        }
        List<Http.Reply> replies;
        try {
            replies = Concurrently.run(requests, 8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < replies.size(); i++) {
            Http.Reply reply = replies.get(i);
            long buyer = buyers.get(i).id();
            synchronized (this) {
                switch (reply.status()) {
                    case 202 -> {
                        assertFalse(acceptedBuyers.contains(buyer), "accepted twice: " + buyer);
                        acceptedBuyers.add(buyer);
                        failedBuyers.remove(buyer);
                    }
                    case 503 -> failedBuyers.add(buyer);
                    case 409 -> assertEquals("/problems/sold-out", reply.json().getString("type"),
                            "a buyer refused with 503 must not be 'already purchased': " + reply.body());
                    default -> throw new AssertionError("unexpected answer " + reply.status() + " " + reply.body());
                }
            }
        }
        return replies;
    }
}
