package io.flashsale.it.growth;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
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
import java.util.List;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every order of two sales left unpaid past its deadline (a one-second payment window) is cancelled by the sweep's
 * batches: their units go back to each sale in MySQL and Redis, the sales' live-order counters go back to 0, every
 * hold is released, and the buyers may buy again.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class UnpaidSweepIT {

    private static final int BUYERS = 150;

    final URL base = PlatformSession.serverUrl();

    @Test
    void ordersUnpaidPastTheirDeadlineAreAllCancelledAndTheirUnitsComeBack() {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Activities activities = new Activities(accounts.admin());
        List<Account> buyers = accounts.crowd(BUYERS);
        List<Long> abandoned = List.of(activities.activity(activities.product(BUYERS), BUYERS, 1, 1),
                activities.activity(activities.product(BUYERS), BUYERS, 1, 1));
        for (long sale : abandoned) {
            for (Account buyer : buyers) {
                Http.Reply bought = http.as(buyer.token()).post(purchasePath(sale), quantity(1));
                assertEquals(202, bought.status(), bought.body());
            }
        }

        for (long sale : abandoned) {
            Await.until("every order of sale " + sale + " cancelled", Duration.ofSeconds(90),
                    () -> Activities.orders(sale, "CANCELLED"), cancelled -> cancelled == BUYERS);
            Await.until("every hold of sale " + sale + " released", Duration.ofSeconds(30),
                    () -> Activities.queryInt("SELECT COUNT(*) FROM seckill_order WHERE cache_release_pending = 1"
                            + " AND activity_id = ?", sale), pending -> pending == 0);
            assertEquals(BUYERS, Activities.durableRemaining(sale), "the units back in MySQL");
            assertEquals(0, Activities.queryInt("SELECT live_orders FROM seckill_activity WHERE id = ?", sale));
            try (UnifiedJedis redis = Redis.client()) {
                assertEquals(Integer.toString(BUYERS), redis.get("sk:{a" + sale + "}:stock"), "and in Redis");
                assertEquals("0", redis.hget("sk:{a" + sale + "}:meta", "held"));
                assertEquals(0, redis.hlen("sk:{a" + sale + "}:buyers"));
            }
        }
        Http.Reply again = http.as(buyers.get(0).token()).post(purchasePath(abandoned.get(0)), quantity(1));
        assertEquals(202, again.status(), "a buyer whose order was cancelled buys again: " + again.body());
    }
}
