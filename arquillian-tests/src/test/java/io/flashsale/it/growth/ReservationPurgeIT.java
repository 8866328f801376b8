package io.flashsale.it.growth;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.Database;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the running platform, reservations that ended (released, expired, settled) more than 30 days ago are deleted;
 * one that ended yesterday and one still open (however old) stay.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ReservationPurgeIT {

    @Test
    void onlyReservationsThatEndedBeforeTheRetentionAreDeleted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(40));
        insert("released-" + run, "RELEASED", old, old);
        insert("expired-" + run, "EXPIRED", old, old);
        insert("settled-" + run, "SETTLED", old, old);
        insert("yesterday-" + run, "RELEASED", old, now.minus(Duration.ofDays(1)));
        insert("open-" + run, "RESERVED", old, null);
        try {
            Set<String> left = Await.until("the reservations that ended 40 days ago deleted", Duration.ofSeconds(60),
                    () -> reservations(run), ids -> ids.size() == 2);
            assertEquals(Set.of("open-" + run, "yesterday-" + run), left);
        } finally {
            try (Connection sql = Database.connect(); PreparedStatement delete = sql.prepareStatement(
                    "DELETE FROM stock_reservation WHERE order_id LIKE ?")) {
                delete.setString(1, "%-" + run);
                delete.executeUpdate();
            }
        }
    }

    private static void insert(String id, String status, Instant created, Instant ended) throws SQLException {
        try (Connection sql = Database.connect(); PreparedStatement insert = sql.prepareStatement("INSERT INTO"
                + " stock_reservation (order_id, created_at, customer_id, expires_at, product_id, QUANTITY,"
                + " released_at, STATUS, STRATEGY) VALUES (?, ?, 7, ?, 1, 1, ?, ?, 'pessimistic')")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(created));
            insert.setTimestamp(3, Timestamp.from(Instant.now().plus(Duration.ofDays(1)))); // never expires here
            insert.setTimestamp(4, ended == null ? null : Timestamp.from(ended));
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private static Set<String> reservations(String run) {
        try (Connection sql = Database.connect(); PreparedStatement query = sql.prepareStatement(
                "SELECT order_id FROM stock_reservation WHERE order_id LIKE ?")) {
            query.setString(1, "%-" + run);
            Set<String> ids = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
