package io.flashsale.it.stock;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Metrics;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Redis;
import io.flashsale.it.support.Activities;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each strategy proves its own mechanism, so that none of them could be swapped for another (say, one conditional
 * UPDATE for all three) without a test failing. The test holds the product's row lock or its Redis lease itself and
 * watches, in MariaDB's process list (the application's own account sees its own statements), which statement the
 * reservation is waiting in.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ReservationStrategyMechanismIT {

    private static final Pattern SELECT_FOR_UPDATE =
            Pattern.compile("(?is)^\\s*SELECT .* FROM product WHERE .* FOR UPDATE\\s*$");
    private static final Pattern VERSION_CHECKED_UPDATE =
            Pattern.compile("(?is)^\\s*UPDATE product SET .*WHERE .*version = .*");
    private static final Pattern CONDITIONAL_UPDATE =
            Pattern.compile("(?is)^\\s*UPDATE product SET .*WHERE .*stock >= .*");

    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    private final Http http = new Http(PlatformSession.serverUrl().toString());
    private final Activities activities = new Activities(new Accounts(http).admin());

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void pessimisticWaitsInSelectForUpdateAndGivesUpAtTheLockWaitTimeout() throws Exception {
        long product = activities.product(5);
        Http customer = customer();
        String orderId = UUID.randomUUID().toString();
        try (Connection locker = lockRow(product)) {
            Future<Http.Reply> reserve = CLIENTS.submit(() -> reserve(customer, product, "pessimistic", orderId));

            String waitingIn = waitingStatement(product, SELECT_FOR_UPDATE, Set.of(connectionId(locker)));
            assertTrue(SELECT_FOR_UPDATE.matcher(waitingIn).matches(), waitingIn);

            Http.Reply refused = reserve.get(30, TimeUnit.SECONDS);
            assertProblem(409, "/problems/contention", refused);
            locker.rollback();
        }
        assertEquals(5, stock(product), "nothing was taken");
        Http.Reply retried = reserve(customer, product, "pessimistic", orderId);
        assertEquals(200, retried.status(), "the refused attempt left nothing behind its order id: " + retried.body());
        assertEquals(4, retried.json().getInt("remaining_stock"));
    }

    @Test
    void optimisticRetriesWhenItsVersionCheckLosesAndSucceeds() throws Exception {
        long product = activities.product(5);
        Http customer = customer();
        double retriesBefore = Metrics.value(http, "stock_optimistic_retries_total");

        Http.Reply reply = reserveWhileOthersWin(customer, product, 1);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(4, reply.json().getInt("remaining_stock"));
        assertEquals(4, stock(product));
        assertEquals(1, Metrics.value(http, "stock_optimistic_retries_total") - retriesBefore,
                "one lost version check, one retry");
    }

    @Test
    void optimisticGivesUpAfterItsAttempts() throws Exception {
        long product = activities.product(5);
        Http customer = customer();
        double retriesBefore = Metrics.value(http, "stock_optimistic_retries_total");

        Http.Reply reply = reserveWhileOthersWin(customer, product, 10); // flashsale.stock.optimistic.max-attempts

        assertProblem(409, "/problems/contention", reply);
        assertTrue(reply.json().getString("detail").contains("gave up after 10 optimistic attempts"), reply.body());
        assertEquals(10, Metrics.value(http, "stock_optimistic_retries_total") - retriesBefore);
        assertEquals(5, stock(product), "every attempt was rolled back");
    }

    @Test
    void redisLockWaitsForTheLeaseAndGivesUpAtItsWaitLimit() throws Exception {
        long product = activities.product(5);
        Http customer = customer();
        String orderId = UUID.randomUUID().toString();
        String lease = "lock:{product:" + product + "}";
        double refusedBefore = Metrics.value(http, "stock_lock_wait_seconds_count", "acquired=\"false\"");
        try (UnifiedJedis redis = Redis.client()) {
            redis.set(lease, "held-by-the-test", SetParams.setParams().nx().px(60_000));
            try {
                Http.Reply refused = reserve(customer, product, "redis-lock", orderId);
                assertProblem(409, "/problems/contention", refused);
                assertTrue(refused.json().getString("detail").contains("for the product lock"), refused.body());
                assertEquals("held-by-the-test", redis.get(lease), "a waiter never takes or breaks a held lease");
            } finally {
                redis.del(lease);
            }
        }
        assertEquals(1, Metrics.value(http, "stock_lock_wait_seconds_count", "acquired=\"false\"") - refusedBefore);
        assertEquals(5, stock(product), "nothing was taken without the lease");
        Http.Reply retried = reserve(customer, product, "redis-lock", orderId);
        assertEquals(200, retried.status(), retried.body());
        assertEquals(4, retried.json().getInt("remaining_stock"));
    }

    @Test
    void aRedisLockHolderWhoseLeaseExpiredCannotOversell() throws Exception {
        long product = activities.product(1);
        String lease = "lock:{product:" + product + "}";
        Http first = customer();
        Http second = customer();
        Future<Http.Reply> slow;
        Future<Http.Reply> next;
        try (Connection locker = lockRow(product); UnifiedJedis redis = Redis.client()) {
            Set<Long> ours = Set.of(connectionId(locker));
            // the first holder takes the lease, then is slowed down in its UPDATE by the test's row lock
            slow = CLIENTS.submit(() -> reserve(first, product, "redis-lock", UUID.randomUUID().toString()));
            waitingStatement(product, CONDITIONAL_UPDATE, ours);
            // its lease runs out meanwhile (as after 10 s); a second holder takes the lease and writes too
            assertEquals(1, redis.del(lease), "the first holder held the lease");
            next = CLIENTS.submit(() -> reserve(second, product, "redis-lock", UUID.randomUUID().toString()));
            Await.until("both holders waiting in their UPDATE", Duration.ofSeconds(10),
                    () -> statementsWaiting(product, CONDITIONAL_UPDATE, ours), n -> n == 2);
            locker.commit();
        }
        List<Http.Reply> answers = List.of(slow.get(30, TimeUnit.SECONDS), next.get(30, TimeUnit.SECONDS));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers.toString());
        Http.Reply refused = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
        assertProblem(409, "/problems/insufficient-stock", refused);
        assertEquals(0, stock(product), "one unit, sold once");
    }

    /**
     * An optimistic reservation whose first {@code lostChecks} version checks lose: each time its UPDATE waits for
     * the row lock the test holds, the test changes the product's version and commits. Two test connections take
     * turns, the next one queued for the row lock before the current one commits, so the reservation's retry always
     * finds the row locked again (InnoDB grants row locks in the order they were asked for).
     */
    private Http.Reply reserveWhileOthersWin(Http customer, long product, int lostChecks) throws Exception {
        List<Connection> lockers = new ArrayList<>(List.of(Database.connect(), Database.connect()));
        try {
            Set<Long> ours = Set.of(connectionId(lockers.get(0)), connectionId(lockers.get(1)));
            lockers.forEach(ReservationStrategyMechanismIT::beginWithLongLockWait);
            selectForUpdate(lockers.get(0), product);
            Future<Http.Reply> reserve = CLIENTS.submit(() -> reserve(customer, product, "optimistic",
                    UUID.randomUUID().toString()));
            for (int check = 1; check <= lostChecks; check++) {
                Connection holder = lockers.get((check - 1) % 2);
                waitingStatement(product, VERSION_CHECKED_UPDATE, ours);
                Future<?> queued = null;
                if (check < lostChecks) {
                    Connection nextHolder = lockers.get(check % 2);
                    queued = CLIENTS.submit(() -> {
                        selectForUpdate(nextHolder, product);
                        return null;
                    });
                    Await.until("the test's next lock request queued", Duration.ofSeconds(10),
                            () -> statementsWaiting(product, SELECT_FOR_UPDATE, Set.of()), n -> n == 1);
                }
                try (Statement bump = holder.createStatement()) {
                    assertEquals(1, bump.executeUpdate("UPDATE product SET version = version + 1 WHERE id = "
                            + product));
                }
                holder.commit();
                if (queued != null) {
                    queued.get(30, TimeUnit.SECONDS);
                }
            }
            return reserve.get(30, TimeUnit.SECONDS);
        } finally {
            for (Connection locker : lockers) {
                locker.rollback();
                locker.close();
            }
        }
    }

    private Connection lockRow(long product) throws SQLException {
        Connection locker = Database.connect();
        beginWithLongLockWait(locker);
        selectForUpdate(locker, product);
        return locker;
    }

    private static void beginWithLongLockWait(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION innodb_lock_wait_timeout = 60");
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void selectForUpdate(Connection connection, long product) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT stock FROM product WHERE id = " + product
                     + " FOR UPDATE")) {
            assertTrue(row.next());
        }
    }

    /** The text of the application's statement that is waiting on the product's row, once there is one. */
    private static String waitingStatement(long product, Pattern expected, Set<Long> excluded) {
        return Await.until("a reservation waiting on product " + product + " in " + expected, Duration.ofSeconds(10),
                () -> statements(product, excluded), found -> found.stream().anyMatch(s -> expected.matcher(s)
                        .matches())).stream().filter(s -> expected.matcher(s).matches()).findFirst().orElseThrow();
    }

    private static int statementsWaiting(long product, Pattern expected, Set<Long> excluded) {
        return (int) statements(product, excluded).stream().filter(s -> expected.matcher(s).matches()).count();
    }

    /** Statements now running on the database that name the product (in the platform's account, ours excluded). */
    private static List<String> statements(long product, Set<Long> excluded) {
        try (Connection watcher = Database.connect(); PreparedStatement query = watcher.prepareStatement(
                "SELECT ID, INFO FROM information_schema.PROCESSLIST WHERE INFO IS NOT NULL AND ID <> CONNECTION_ID()");
             ResultSet rows = query.executeQuery()) {
            List<String> found = new ArrayList<>();
            Pattern namesProduct = Pattern.compile("(?s).*\\b(id|ID)\\s*=\\s*" + product + "\\b.*");
            while (rows.next()) {
                String sql = rows.getString("INFO");
                if (!excluded.contains(rows.getLong("ID")) && namesProduct.matcher(sql).matches()) {
                    found.add(sql);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
            id.next();
            return id.getLong(1);
        }
    }

    private Http customer() {
        return http.as(new Accounts(http).newCustomer().token());
    }

    private static Http.Reply reserve(Http customer, long product, String strategy, String orderId) {
        return customer.post("/api/v1/products/" + product + "/stock/reserve?strategy=" + strategy,
                "{\"quantity\":1,\"order_id\":\"" + orderId + "\"}");
    }

    private int stock(long product) {
        return http.get("/api/v1/products/" + product + "/stock").json().getInt("stock");
    }
}
