package io.flashsale.it.foundation;

import io.flashsale.it.support.Await;
import io.flashsale.product.application.ProductCatalogService;
import io.flashsale.product.application.ProductView;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.seckill.application.activity.ActivityService;
import io.flashsale.seckill.application.order.OrderQueryService;
import io.flashsale.seckill.application.order.OrderView;
import io.flashsale.seckill.application.port.ClusterLease;
import io.flashsale.seckill.application.port.PurchaseEvents;
import io.flashsale.seckill.application.port.StockLedger.UndoOutcome;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation slice, exercised inside Payara: JPA over JTA on MariaDB, the Redis Lua script, a Kafka round trip. */
@ExtendWith(ArquillianExtension.class)
class ContainerResourcesIT {


    @EJB
    ProductCatalogService catalog;

    @EJB
    OrderQueryService orders;

    @EJB
    ActivityService activities;

    @EJB
    ClusterLease lease;

    @Inject
    StockLedger stockCache;

    @Inject
    PurchaseEvents purchaseEvents;

    @Inject
    MetricRegistry metrics;

    @Resource(lookup = "jdbc/flashsale")
    DataSource dataSource;

    @Test
    void productIsPersistedInMysqlThroughAJtaTransaction() throws SQLException {
        ProductView created = catalog.register("Phone X", "flagship", new BigDecimal("499.90"), 25);

        assertEquals(created, catalog.find(new ProductId(created.id())));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name, price, stock FROM product WHERE id = ?")) {
            select.setLong(1, created.id());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "row committed by the JTA transaction");
                assertEquals("Phone X", row.getString("name"));
                assertEquals(new BigDecimal("499.90"), row.getBigDecimal("price"));
                assertEquals(25, row.getInt("stock"));
            }
        }
        assertThrows(NotFoundException.class, () -> catalog.find(new ProductId(Long.MAX_VALUE)));
    }

    @Test
    void purchaseScriptChecksLimitAndStockAtomicallyAndUndoesOnce() {
        ActivityId activity = new ActivityId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
        Instant now = Instant.now();
        assertEquals(Outcome.NOT_ON_SALE, stockCache.tryPurchase(activity, 1, 1, 1, OrderId.next(), now).outcome());
        stockCache.warm(activity, 3, 2, now.minusSeconds(1), now.plusSeconds(60), now.plusSeconds(960));
        stockCache.warm(activity, 99, 2, now.minusSeconds(1), now.plusSeconds(60), now.plusSeconds(960));
        assertEquals(3, stockCache.remaining(activity).orElseThrow(), "warming never overwrites a live counter");

        OrderId first = OrderId.next();
        PurchaseAttempt accepted = stockCache.tryPurchase(activity, 1, 2, 2, first, now);
        assertEquals(Outcome.ACCEPTED, accepted.outcome());
        assertEquals(1, accepted.remaining());

        PurchaseAttempt again = stockCache.tryPurchase(activity, 1, 1, 2, OrderId.next(), now);
        assertEquals(Outcome.ALREADY_PURCHASED, again.outcome());
        assertEquals(first.value(), again.existingOrderId());

        assertEquals(Outcome.OVER_LIMIT, stockCache.tryPurchase(activity, 2, 3, 2, OrderId.next(), now).outcome());
        assertEquals(Outcome.OVER_LIMIT, stockCache.tryPurchase(activity, 2, 3, 5, OrderId.next(), now).outcome(),
                "the limit in Redis wins over a caller's stale one");
        assertEquals(Outcome.OUTSIDE_WINDOW,
                stockCache.tryPurchase(activity, 2, 1, 2, OrderId.next(), now.plusSeconds(61)).outcome());
        PurchaseAttempt soldOut = stockCache.tryPurchase(activity, 2, 2, 2, OrderId.next(), now);
        assertEquals(Outcome.SOLD_OUT, soldOut.outcome());
        assertEquals(1, soldOut.remaining());

        assertEquals(UndoOutcome.UNDONE, stockCache.undo(activity, 1, first, false));
        assertEquals(UndoOutcome.NOT_HELD, stockCache.undo(activity, 1, first, false),
                "compensation runs at most once");
        assertEquals(3, stockCache.remaining(activity).orElseThrow());
        assertEquals(Set.of(), stockCache.claim(activity, List.of(first)), "an undone purchase is never written");

        OrderId second = OrderId.next();
        assertEquals(Outcome.ACCEPTED, stockCache.tryPurchase(activity, 1, 1, 2, second, now).outcome(),
                "after the undo the buyer may buy again");
        OrderId lostByRedis = OrderId.next();
        assertEquals(Set.of(second, lostByRedis), stockCache.claim(activity, List.of(second, lostByRedis)),
                "held purchases and ones Redis never heard of are written");
        assertEquals(UndoOutcome.CLAIMED, stockCache.undo(activity, 1, second, false),
                "a slow sender cannot undo what the order writer claimed");
        assertEquals(UndoOutcome.UNDONE, stockCache.undo(activity, 1, second, true), "a cancellation can");
        assertEquals(3, stockCache.remaining(activity).orElseThrow());
        stockCache.forget(activity);
    }

    @Test
    void purchaseEventMakesTheKafkaRoundTripIntoExactlyOneOrder() throws Exception {
        ProductView product = catalog.register("Console", null, new BigDecimal("299.00"), 10);
        Instant now = Instant.now();
        ActivityId activity = new ActivityId(activities.create(product.id(), new BigDecimal("9.99"), 5, 1,
                now.minusSeconds(1), now.plusSeconds(3600), null).id());
        OrderId orderId = OrderId.next();
        SeckillPurchase purchase = new SeckillPurchase(UUID.randomUUID().toString(), orderId.value(),
                activity.value(), 7L, 1, new BigDecimal("9.99"), now.truncatedTo(ChronoUnit.MILLIS));

        long duplicatesBefore = duplicatesSkipped();

        purchaseEvents.publish(purchase).toCompletableFuture().get(10, TimeUnit.SECONDS);
        // a redelivery must not create a second order
        purchaseEvents.publish(purchase).toCompletableFuture().get(10, TimeUnit.SECONDS);

        Optional<OrderView> order = Await.until("order " + orderId + " written", Duration.ofSeconds(60),
                () -> orders.find(orderId), Optional::isPresent);
        assertEquals("CONFIRMED", order.get().status());
        assertEquals(7L, order.get().userId());
        assertEquals(new BigDecimal("9.99"), order.get().price());
        Await.until("the redelivery recognised", Duration.ofSeconds(60), this::duplicatesSkipped,
                count -> count == duplicatesBefore + 1);
        assertEquals(1, orders.countByActivity(activity));
        assertEquals(5, catalog.find(new ProductId(product.id())).stock(), "the sale's units left the product");
    }

    @Test
    void aClusterLeaseIsHeldByOneInstanceUntilItExpires() throws SQLException {
        String job = "it-job-" + UUID.randomUUID();
        assertTrue(lease.hold(job, Duration.ofSeconds(30)), "a free lease is taken");
        assertTrue(lease.hold(job, Duration.ofSeconds(30)), "and renewed by its holder");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement takeOver = connection.prepareStatement(
                     "UPDATE seckill_job_lease SET holder = 'another-instance', lease_until = ? WHERE job = ?")) {
            takeOver.setTimestamp(1, Timestamp.from(Instant.now().plusSeconds(60)));
            takeOver.setString(2, job);
            assertEquals(1, takeOver.executeUpdate());
            assertFalse(lease.hold(job, Duration.ofSeconds(30)), "another instance holds it");
            takeOver.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            takeOver.executeUpdate();
            assertTrue(lease.hold(job, Duration.ofSeconds(30)), "an expired lease is taken over");
        }
    }

    private long duplicatesSkipped() {
        return metrics.getCounters((id, metric) -> id.getName().equals("seckill_order_duplicates_total"))
                .values().stream().mapToLong(Counter::getCount).sum();
    }
}
