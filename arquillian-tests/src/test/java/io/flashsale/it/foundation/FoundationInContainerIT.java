package io.flashsale.it.foundation;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.Deployments;
import io.flashsale.product.application.ProductCatalogService;
import io.flashsale.product.application.ProductView;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.seckill.application.OrderQueryService;
import io.flashsale.seckill.application.OrderView;
import io.flashsale.seckill.application.PurchaseEvents;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation slice, exercised inside Payara: JPA over JTA on MariaDB, the Redis Lua script, a Kafka round trip. */
@ExtendWith(ArquillianExtension.class)
class FoundationInContainerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith("foundation-it", FoundationInContainerIT.class);
    }

    @EJB
    ProductCatalogService catalog;

    @EJB
    OrderQueryService orders;

    @Inject
    SeckillStockCache stockCache;

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
        long activity = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        assertEquals(Outcome.NOT_ON_SALE, stockCache.tryPurchase(activity, 1, 1, 1, OrderId.next()).outcome());
        stockCache.warm(activity, 3);

        OrderId first = OrderId.next();
        PurchaseAttempt accepted = stockCache.tryPurchase(activity, 1, 2, 2, first);
        assertEquals(Outcome.ACCEPTED, accepted.outcome());
        assertEquals(1, accepted.remaining());

        PurchaseAttempt again = stockCache.tryPurchase(activity, 1, 1, 2, OrderId.next());
        assertEquals(Outcome.ALREADY_PURCHASED, again.outcome());
        assertEquals(first.value(), again.existingOrderId());

        assertEquals(Outcome.OVER_LIMIT, stockCache.tryPurchase(activity, 2, 3, 2, OrderId.next()).outcome());
        PurchaseAttempt soldOut = stockCache.tryPurchase(activity, 2, 2, 2, OrderId.next());
        assertEquals(Outcome.SOLD_OUT, soldOut.outcome());
        assertEquals(1, soldOut.remaining());

        assertTrue(stockCache.undo(activity, 1, 2, first));
        assertFalse(stockCache.undo(activity, 1, 2, first), "compensation runs at most once");
        assertEquals(3, stockCache.remaining(activity).orElseThrow());
        assertEquals(Outcome.ACCEPTED, stockCache.tryPurchase(activity, 1, 1, 2, OrderId.next()).outcome(),
                "after the undo the buyer may buy again");
    }

    @Test
    void purchaseEventMakesTheKafkaRoundTripIntoExactlyOneOrder() {
        long activity = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        OrderId orderId = OrderId.next();
        SeckillPurchase purchase = new SeckillPurchase(UUID.randomUUID().toString(), orderId.value(), activity, 7L,
                1, new BigDecimal("9.99"), Instant.now().truncatedTo(ChronoUnit.MILLIS));

        long duplicatesBefore = duplicatesSkipped();

        purchaseEvents.publish(purchase);
        purchaseEvents.publish(purchase); // a redelivery must not create a second order

        Optional<OrderView> order = Await.until("order " + orderId + " written", Duration.ofSeconds(60),
                () -> orders.find(orderId), Optional::isPresent);
        assertEquals("CONFIRMED", order.get().status());
        assertEquals(7L, order.get().userId());
        assertEquals(new BigDecimal("9.99"), order.get().price());
        Await.until("the redelivery recognised", Duration.ofSeconds(60), this::duplicatesSkipped,
                count -> count == duplicatesBefore + 1);
        assertEquals(1, orders.countByActivity(activity));
    }

    private long duplicatesSkipped() {
        return metrics.getCounters((id, metric) -> id.getName().equals("seckill_order_duplicates_total"))
                .values().stream().mapToLong(Counter::getCount).sum();
    }
}
