package io.flashsale.it.stock;

import io.flashsale.it.support.Await;
import io.flashsale.product.application.ProductCatalogService;
import io.flashsale.product.application.reservation.ReservationStrategy;
import io.flashsale.product.application.reservation.Requester;
import io.flashsale.product.application.reservation.ReservationView;
import io.flashsale.product.application.reservation.StockReservationService;
import io.flashsale.product.domain.model.InsufficientStockException;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.reservation.CustomerId;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.shared.domain.ContentionException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invariants of every reservation strategy under real concurrency, inside Payara against MariaDB and Redis:
 * never below zero, sold + left = put on sale, one deduction per order id, one event per committed change.
 */
@ExtendWith(ArquillianExtension.class)
class StockReservationConcurrencyIT {

    enum Outcome { RESERVED, INSUFFICIENT, CONTENTION }

    record Attempt(Outcome outcome, String orderId, int quantity, ReservationView view) {
    }


    @EJB
    ProductCatalogService catalog;

    @EJB
    StockReservationService reservations;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "jdbc/flashsale")
    DataSource dataSource;

    @Test
    void poolConnectionsCarryTheConfiguredLockWaitTimeoutAndReadCommitted() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT @@innodb_lock_wait_timeout");
             ResultSet row = statement.executeQuery()) {
            row.next();
            assertEquals(3, row.getInt(1), "pessimistic reserves wait at most 3 s for the product row");
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
        }
    }

    @ParameterizedTest
    @EnumSource(ReservationStrategy.class)
    void hundredBuyersOfOneUnitAgainstTenInStockGetExactlyTen(ReservationStrategy strategy) throws Exception {
        long product = newProduct(10);

        List<Attempt> attempts = runConcurrently(64, 100, i -> reserveRetryingContention(product,
                UUID.randomUUID().toString(), 1, strategy));

        assertEquals(10, count(attempts, Outcome.RESERVED));
        assertEquals(90, count(attempts, Outcome.INSUFFICIENT));
        assertEquals(0, stockOf(product));
        assertEquals(10, reservedUnits(product));
        assertEquals(10, reservationRows(product));
        assertEventsPublished(product, 10);
    }

    @ParameterizedTest
    @EnumSource(ReservationStrategy.class)
    void mixedQuantitiesNeverOversell(ReservationStrategy strategy) throws Exception {
        long product = newProduct(50);

        List<Attempt> attempts = runConcurrently(32, 60, i -> reserveRetryingContention(product,
                UUID.randomUUID().toString(), 1 + i % 5, strategy));

        int sold = attempts.stream().filter(a -> a.outcome() == Outcome.RESERVED).mapToInt(Attempt::quantity).sum();
        assertTrue(sold <= 50 && sold >= 46, "sold " + sold + " of 50; 60 requests of 1-5 units want 180");
        assertEquals(50 - sold, stockOf(product), "sold + left = put on sale");
        assertEquals(sold, reservedUnits(product));
        assertEventsPublished(product, count(attempts, Outcome.RESERVED));
    }

    @ParameterizedTest
    @EnumSource(ReservationStrategy.class)
    void concurrentReservesAndReleasesOnOneProductConserveUnitsAndNeverDeadlock(ReservationStrategy strategy)
            throws Exception {
        long product = newProduct(20);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = UUID.randomUUID().toString();
            reservations.reserve(new ProductId(product), new ReservationId(orderId), 1, strategy,
                    customerOf(orderId), null);
            held.add(orderId);
        }

        List<Attempt> attempts = runConcurrently(32, 40, i -> {
            if (i < 10) {
                reservations.release(new ProductId(product), new ReservationId(held.get(i)),
                        customerOf(held.get(i)));
                return new Attempt(Outcome.RESERVED, held.get(i), -1, null);
            }
            return reserveRetryingContention(product, UUID.randomUUID().toString(), 1, strategy);
        });

        int newlyReserved = (int) attempts.stream().filter(a -> a.quantity() == 1 && a.outcome() == Outcome.RESERVED)
                .count();
        assertTrue(newlyReserved >= 10, "at least the 10 units that were never held: " + newlyReserved);
        assertEquals(20 - newlyReserved, stockOf(product));
        assertEquals(newlyReserved, reservedUnits(product), "released reservations hold nothing");
        assertEventsPublished(product, 10 + 10 + newlyReserved);
    }

    @ParameterizedTest
    @EnumSource(ReservationStrategy.class)
    void duplicateOrderIdsFiredConcurrentlyDeductOnce(ReservationStrategy strategy) throws Exception {
        long product = newProduct(10);
        List<String> orderIds = List.of(id(), id(), id(), id(), id());

        List<Attempt> attempts = runConcurrently(50, 50, i -> reserveRetryingContention(product,
                orderIds.get(i % 5), 1, strategy));

        assertEquals(50, count(attempts, Outcome.RESERVED), "every duplicate answers with the same reservation");
        attempts.forEach(a -> assertEquals(a.orderId(), a.view().orderId()));
        assertEquals(5, stockOf(product));
        assertEquals(5, reservationRows(product));
        assertEventsPublished(product, 5);
    }

    @ParameterizedTest
    @EnumSource(ReservationStrategy.class)
    void aThousandRequestsFromSixtyFourThreadsAgainstTwoHundredFifty(ReservationStrategy strategy) throws Exception {
        long product = newProduct(250);

        List<Attempt> attempts = runConcurrently(64, 1000, i -> reserveRetryingContention(product,
                UUID.randomUUID().toString(), 1, strategy));

        assertEquals(250, count(attempts, Outcome.RESERVED));
        assertEquals(750, count(attempts, Outcome.INSUFFICIENT));
        assertEquals(0, stockOf(product));
        assertEquals(250, reservationRows(product));
        assertEventsPublished(product, 250);
    }

    /** A client that gets "contention" (safe to retry) retries; the totals must come out the same. */
    private Attempt reserveRetryingContention(long product, String orderId, int quantity, ReservationStrategy strategy) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try {
                return new Attempt(Outcome.RESERVED, orderId, quantity,
                        reservations.reserve(new ProductId(product), new ReservationId(orderId), quantity, strategy,
                                customerOf(orderId), null));
            } catch (InsufficientStockException e) {
                return new Attempt(Outcome.INSUFFICIENT, orderId, quantity, null);
            } catch (ContentionException e) {
                Thread.onSpinWait();
            }
        }
        return new Attempt(Outcome.CONTENTION, orderId, quantity, null);
    }

    /** Each order id its own customer (the same one for a duplicate), so no customer nears the held-units limit. */
    private static Requester customerOf(String orderId) {
        return new Requester(new CustomerId((orderId.hashCode() & 0x7fffffffL) + 1), false);
    }

    private List<Attempt> runConcurrently(int threadCount, int requests, Function<Integer, Attempt> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threadCount, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Attempt>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                Callable<Attempt> task = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> future : futures) {
                attempts.add(future.get(5, TimeUnit.MINUTES));
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    private long newProduct(int stock) {
        return catalog.register("item-" + ThreadLocalRandom.current().nextInt(1_000_000), null, new BigDecimal("1.00"),
                stock).id();
    }

    private static long count(List<Attempt> attempts, Outcome outcome) {
        Map<Outcome, Long> counts = attempts.stream().collect(Collectors.groupingBy(Attempt::outcome,
                Collectors.counting()));
        return counts.getOrDefault(outcome, 0L);
    }

    private int stockOf(long product) throws SQLException {
        return queryInt("SELECT stock FROM product WHERE id = ?", product);
    }

    private int reservedUnits(long product) throws SQLException {
        return queryInt("SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation WHERE product_id = ?"
                + " AND status = 'RESERVED'", product);
    }

    private int reservationRows(long product) throws SQLException {
        return queryInt("SELECT COUNT(*) FROM stock_reservation WHERE product_id = ?", product);
    }

    /** Every committed change has exactly one event, and Kafka acknowledged all of them. */
    private void assertEventsPublished(long product, long expected) throws SQLException {
        assertEquals(expected, queryInt("SELECT COUNT(*) FROM product_outbox WHERE message_key = ?",
                Long.toString(product)));
        Await.until("the outbox relayed to Kafka", Duration.ofSeconds(60), () -> {
            try {
                return queryInt("SELECT COUNT(*) FROM product_outbox WHERE message_key = ? AND published_at IS NULL",
                        Long.toString(product));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, pending -> pending == 0);
    }

    private int queryInt(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
