package io.flashsale.it.growth;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Accounts.Account;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Activities;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static io.flashsale.it.support.Activities.purchasePath;
import static io.flashsale.it.support.Activities.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Orders of a sale settled more than 30 days ago (its settlement moved back in time here) move to the archive and
 * are still read by their owner; the orders of a sale settled today, and of a sale on now, stay where they are.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class OrderArchiveIT {

    final URL base = PlatformSession.serverUrl();

    @Test
    void onlyOrdersOfSalesSettledLongAgoAreArchivedAndTheirOwnersStillReadThem() throws Exception {
        Http http = new Http(base.toString());
        Accounts accounts = new Accounts(http);
        Http admin = accounts.admin();
        Activities activities = new Activities(admin);
        long product = activities.product(20);
        Account buyer = accounts.newCustomer();
        long old = endingSoon(admin, product);
        long recent = endingSoon(admin, product);
        long onNow = activities.activity(activities.product(5), 2, 1, null);
        String oldOrder = buy(http, buyer, old);
        String recentOrder = buy(http, buyer, recent);
        String liveOrder = buy(http, buyer, onNow);
        Await.until("both ended sales settled (their unpaid orders cancelled, the units back)",
                Duration.ofSeconds(120), () -> settled(old) + settled(recent), n -> n == 2);

        try (Connection sql = Database.connect(); PreparedStatement backdate = sql.prepareStatement(
                "UPDATE seckill_activity SET settled_at = settled_at - INTERVAL 31 DAY WHERE id = ?")) {
            backdate.setLong(1, old);
            assertEquals(1, backdate.executeUpdate());
        }
        Await.until("the old sale's orders archived", Duration.ofSeconds(30), () -> Activities.queryInt(
                "SELECT COUNT(*) FROM seckill_activity WHERE archived_at IS NOT NULL AND id = ?", old), n -> n == 1);

        assertEquals(0, count("seckill_order", old), "the old sale's orders left the orders table");
        assertEquals(1, count("seckill_order_archive", old), "and are in the archive");
        assertEquals(1, count("seckill_order", recent), "a sale settled today keeps its orders");
        assertEquals(1, count("seckill_order", onNow), "a sale on now keeps its orders");
        assertEquals(0, count("seckill_order_archive", recent) + count("seckill_order_archive", onNow));
        Http owner = http.as(buyer.token());
        assertEquals("CANCELLED", owner.get("/api/v1/seckill/orders/" + oldOrder).json().getString("status"),
                "the owner still reads an archived order");
        assertEquals("CANCELLED", owner.get("/api/v1/seckill/orders/" + recentOrder).json().getString("status"));
        assertEquals(200, owner.get("/api/v1/seckill/orders/" + liveOrder).status());
    }

    /** A sale of 5 units ending in 8 s, whose unpaid orders are cancelled a second after they were taken. */
    private static long endingSoon(Http admin, long product) {
        Instant now = Instant.now();
        Http.Reply created = admin.post("/api/v1/seckill/activities",
                Activities.activityJson(product, 5, 1, now.minusSeconds(1), now.plusSeconds(8), 1));
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    private static String buy(Http http, Account buyer, long activity) {
        Http.Reply bought = http.as(buyer.token()).post(purchasePath(activity), quantity(1));
        assertEquals(202, bought.status(), bought.body());
        return bought.json().getString("order_id");
    }

    private static int settled(long activity) {
        return Activities.queryInt("SELECT COUNT(*) FROM seckill_activity WHERE settled_at IS NOT NULL AND id = ?",
                activity);
    }

    private static int count(String table, long activity) throws SQLException {
        return Activities.queryInt("SELECT COUNT(*) FROM " + table + " WHERE activity_id = ?", activity);
    }
}
