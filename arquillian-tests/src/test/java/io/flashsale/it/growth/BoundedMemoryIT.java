package io.flashsale.it.growth;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Redis;
import io.flashsale.it.support.Activities;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a platform running for months must not accumulate, checked on the running platform: every Redis key of a sale
 * expires with the sale (a day after its last payment is due, whatever happens to it), through purchases, the order
 * writer's claims and a rebuild; and each instance's memory of sales stays bounded however many ids are asked for.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BoundedMemoryIT {

    /** The documented default of {@code flashsale.seckill.catalog.max-sales}. */
    private static final int MAX_SALES = 1_000;
    private static final int PAYMENT_WINDOW_SECONDS = 600;

    final URL base = PlatformSession.serverUrl();

    @Test
    void everyRedisKeyOfASaleExpiresADayAfterItsLastPaymentIsDue() {
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        Activities activities = new Activities(admin);
        Instant created = Instant.now();
        long activity = activities.activity(activities.product(10), 5, 1, PAYMENT_WINDOW_SECONDS); // ends an hour from now
        Instant expires = created.plusSeconds(3_600 + PAYMENT_WINDOW_SECONDS).plus(Duration.ofHours(24));
        for (Account buyer : accounts.crowd(3)) {
            assertEquals(202, http().as(buyer.token()).post(purchasePath(activity), quantity(1)).status());
        }
        Await.until("the orders durable", Duration.ofSeconds(60), () -> Activities.orders(activity, "CONFIRMED"),
                confirmed -> confirmed == 3);
        assertExpireWithTheSale(activity, expires, List.of("stock", "meta", "buyers", "orders"));

        assertEquals(200, admin.post("/api/v1/seckill/activities/" + activity + "/reconciliation/rebuild", "")
                .status());
        assertExpireWithTheSale(activity, expires, List.of("stock", "meta", "buyers", "orders"));
    }

    @Test
    void eachInstancesMemoryOfSalesStaysBoundedWhateverIdsAreAskedFor() throws Exception {
        List<Account> askers = new Accounts(http()).crowd(40);
        long firstId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        List<Callable<List<Integer>>> floods = new ArrayList<>();
        for (int a = 0; a < askers.size(); a++) {
            Account asker = askers.get(a);
            long from = firstId + 30L * a;
            floods.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (long id = from; id < from + 30; id++) { // within each buyer's burst of the purchase rate limit
                    statuses.add(http().as(asker.token()).post(purchasePath(id), quantity(1)).status());
                }
                return statuses;
            });
        }
        List<Integer> answers = Concurrently.run(floods, 8).stream().flatMap(List::stream).toList();
        int asked = answers.size();
        assertEquals(List.of(404), answers.stream().distinct().toList(), "every unknown sale answered 404");
        double terms = Metrics.value(http(), "seckill_catalog_entries", "cache=\"terms\"");
        System.out.printf("[growth] %d unknown sale ids asked for: %.0f sales remembered (bound %d)%n", asked, terms,
                MAX_SALES);
        assertTrue(asked > MAX_SALES);
        assertTrue(terms <= MAX_SALES, terms + " sales remembered, more than the bound");
        assertTrue(terms >= MAX_SALES * 0.9, "the flood filled the memory up to its bound: " + terms);
        assertTrue(Metrics.value(http(), "seckill_catalog_entries", "cache=\"buyers\"") <= 100_000);
    }

    private static void assertExpireWithTheSale(long activity, Instant expires, List<String> names) {
        Map<String, Instant> expiry = new TreeMap<>();
        try (UnifiedJedis redis = Redis.client()) {
            for (String name : names) {
                long ttl = redis.pttl("sk:{a" + activity + "}:" + name);
                assertTrue(ttl > 0, name + " has no expiry (" + ttl + ")");
                expiry.put(name, Instant.now().plusMillis(ttl));
            }
        }
        expiry.forEach((name, at) -> assertTrue(Math.abs(Duration.between(at, expires).toSeconds()) < 60,
                name + " expires at " + at + ", not with the sale at " + expires));
    }

    private Http http() {
        return new Http(base.toString());
    }
}
