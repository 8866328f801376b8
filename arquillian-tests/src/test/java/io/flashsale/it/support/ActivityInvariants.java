package io.flashsale.it.support;

import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold after any fault, once the platform had the documented time to heal: every purchase answered 202 is
 * CONFIRMED, PAID or CANCELLED, or REJECTED with its hold released; no unit is held for a purchase that is not
 * durable; Redis and MySQL agree; units are conserved; no buyer holds two live orders.
 */
public final class ActivityInvariants {

    /** The hold-release bound (30 s), housekeeping's tick, a Kafka group rebalance after a crash (45 s), margin. */
    public static final Duration HEALING = Duration.ofSeconds(150);

    private static final Set<String> FINAL = Set.of("CONFIRMED", "PAID", "CANCELLED", "REJECTED");

    private ActivityInvariants() {
    }

    /** Returns the final status of each accepted order. */
    public static Map<String, String> hold(Http admin, long product, int productUnitsAtStart, long activity,
                                    Map<Long, String> accepted) {
        Map<String, String> statuses = Await.until("every purchase answered 202 reached a final state",
                HEALING, () -> statuses(accepted.values()),
                found -> found.size() == accepted.size() && FINAL.containsAll(found.values()));
        JsonObject report = Await.until("no unit held for a purchase that is not durable, Redis and MySQL agree",
                HEALING, () -> reconciliation(admin, activity),
                r -> r != null && r.getInt("pending_orders") == 0 && r.getInt("oldest_pending_seconds") == 0
                        && r.getInt("drift_units") == 0
                        && r.getInt("redis_remaining") == r.getInt("mysql_remaining")
                        && r.getInt("missing_in_cache_units") == 0);
        assertEquals(0, Activities.queryInt("SELECT COUNT(*) FROM seckill_order WHERE activity_id = ?"
                + " AND status = 'REJECTED' AND cache_release_pending = 1", activity), "every rejected order's hold was released");
        int productStock = admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock");
        int saleRemaining = Activities.durableRemaining(activity);
        int sold = Activities.unitsSold(activity);
        assertEquals(productUnitsAtStart, productStock + saleRemaining + sold,
                "units conserved: product " + productStock + " + sale remaining " + saleRemaining + " + sold " + sold
                        + "; " + report);
        assertEquals(0, Activities.queryInt("SELECT COUNT(*) FROM (SELECT user_id FROM seckill_order WHERE activity_id = ?"
                + " AND status IN ('CONFIRMED', 'PAID') GROUP BY user_id HAVING COUNT(*) > 1) twice", activity),
                "no buyer holds two live orders");
        Set<Long> liveBuyers = Activities.buyers(activity);
        accepted.forEach((buyer, order) -> assertTrue(
                liveBuyers.contains(buyer) || !Set.of("CONFIRMED", "PAID").contains(statuses.get(order)),
                "buyer " + buyer + " told 202 holds order " + order));
        Map<String, Long> byStatus = new TreeMap<>(statuses.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        System.out.printf("[invariants] activity %d: 202 orders %s; units: product %d + sale %d + sold %d = %d;"
                        + " Redis %d = MySQL %d, pending 0, drift 0%n", activity, byStatus, productStock,
                saleRemaining, sold, productUnitsAtStart, report.getInt("redis_remaining"),
                report.getInt("mysql_remaining"));
        return statuses;
    }

    /**
     * The sale's reconciliation, or null while it answers 503 (healing: with a Kafka broker gone, the order writer's
     * lag is unknown until its partitions have failed over).
     */
    private static JsonObject reconciliation(Http admin, long activity) {
        Http.Reply reply = admin.get("/api/v1/seckill/activities/" + activity + "/reconciliation");
        assertTrue(reply.status() == 200 || reply.status() == 503, reply.status() + " " + reply.body());
        return reply.status() == 200 ? reply.json() : null;
    }

    private static Map<String, String> statuses(Collection<String> orders) {
        Map<String, String> found = new HashMap<>();
        try (Connection connection = Database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT status FROM seckill_order WHERE order_id = ?")) {
            for (String order : orders) {
                query.setString(1, order);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        found.put(order, row.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
