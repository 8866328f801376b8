package io.flashsale.it.support;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.ProductApi;
import io.flashsale.client.ActivityApi;
import io.flashsale.client.model.NewProduct;
import io.flashsale.client.model.NewActivity;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Sets up products and flash sales over HTTP as an administrator, and reads what MySQL holds for a sale. */
public final class Activities {

    private final Http admin;

    public Activities(Http admin) {
        this.admin = admin;
    }

    public long product(int stock) {
        return FlashSaleClients.signedIn(ProductApi.class, base(), admin.bearerToken())
                .createProduct(new NewProduct("item", null, new BigDecimal("3.50"), stock)).id();
    }

    /** A sale on now, for an hour, of {@code units} of a new product (with some stock to spare). */
    public long activity(int units, int perUserLimit) {
        return activity(product(units + 5), units, perUserLimit, null);
    }

    public long activity(long product, int units, int perUserLimit, Integer paymentWindowSeconds) {
        Instant now = Instant.now();
        return sale(new NewActivity(product, new BigDecimal("1.99"), units, perUserLimit, now.minusSeconds(1),
                now.plusSeconds(3600), paymentWindowSeconds));
    }

    /** A sale of 5 units starting in {@code startsInSeconds}. */
    public long activityLater(long product, long startsInSeconds) {
        Instant starts = Instant.now().plusSeconds(startsInSeconds);
        return sale(new NewActivity(product, new BigDecimal("1.99"), 5, 1, starts, starts.plusSeconds(3600), null));
    }

    private long sale(NewActivity sale) {
        return FlashSaleClients.signedIn(ActivityApi.class, base(), admin.bearerToken()).createActivity(sale).id();
    }

    private URI base() {
        return URI.create(admin.base());
    }

    public static String activityJson(long product, int units, int perUserLimit, Instant startsAt, Instant endsAt,
                                      Integer paymentWindowSeconds) {
        return "{\"product_id\":" + product + ",\"price\":1.99,\"stock\":" + units + ",\"per_user_limit\":"
                + perUserLimit + ",\"starts_at\":\"" + startsAt + "\",\"ends_at\":\"" + endsAt + "\""
                + (paymentWindowSeconds == null ? "" : ",\"payment_window_seconds\":" + paymentWindowSeconds) + "}";
    }

    public static String purchasePath(long activity) {
        return "/api/v1/seckill/activities/" + activity + "/purchase";
    }

    public static String quantity(int units) {
        return "{\"quantity\":" + units + "}";
    }

    /** Orders of a sale in MySQL with the given status. */
    public static int orders(long activity, String status) {
        return queryInt("SELECT COUNT(*) FROM seckill_order WHERE activity_id = ? AND status = '" + status + "'",
                activity);
    }

    public static int distinctBuyers(long activity) {
        return queryInt("SELECT COUNT(DISTINCT user_id) FROM seckill_order WHERE activity_id = ?"
                + " AND status IN ('CONFIRMED', 'PAID')", activity);
    }

    public static int unitsSold(long activity) {
        return queryInt("SELECT COALESCE(SUM(quantity), 0) FROM seckill_order WHERE activity_id = ?"
                + " AND status IN ('CONFIRMED', 'PAID')", activity);
    }

    /** The buyers holding live (confirmed or paid) orders of the sale in MySQL. */
    public static Set<Long> buyers(long activity) {
        try (Connection connection = Database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT user_id FROM seckill_order WHERE activity_id = ? AND status IN ('CONFIRMED', 'PAID')")) {
            query.setLong(1, activity);
            Set<Long> buyers = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    buyers.add(rows.getLong(1));
                }
            }
            return buyers;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The durable remaining units of the sale (MySQL). */
    public static int durableRemaining(long activity) {
        return queryInt("SELECT remaining FROM seckill_activity WHERE id = ?", activity);
    }

    public static int queryInt(String sql, long activity) {
        try (Connection connection = Database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, activity);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
