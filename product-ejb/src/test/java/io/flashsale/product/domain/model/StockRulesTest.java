package io.flashsale.product.domain.model;

import io.flashsale.product.application.reservation.ReservationStrategy;
import io.flashsale.product.domain.model.reservation.CustomerId;
import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationStatus;
import io.flashsale.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StockRulesTest {

    @Test
    void stockNeverGoesBelowZeroAndTheRefusalSaysWhatIsLeft() {
        Product product = new Product("p", null, BigDecimal.ONE, 3);
        product.takeStock(new Quantity(2));
        InsufficientStockException refused = assertThrows(InsufficientStockException.class,
                () -> product.takeStock(new Quantity(2)));
        assertEquals(1, refused.available());
        assertEquals(1, refused.details().get("available"));
        assertEquals(1, product.stock());
        product.returnStock(new Quantity(2));
        assertEquals(3, product.stock());
    }

    @Test
    void quantitiesArePositiveAndAProductCannotStartNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Quantity(0));
        assertThrows(IllegalArgumentException.class, () -> new Quantity(-1));
        assertThrows(IllegalArgumentException.class, () -> new Product("p", null, BigDecimal.ONE, -1));
    }

    @Test
    void aReservationIsReleasedAtMostOnce() {
        Reservation reservation = customerReservation(Instant.now().plusSeconds(60));
        assertTrue(reservation.release());
        assertFalse(reservation.release());
        assertFalse(reservation.expire(Instant.now().plusSeconds(120)), "a released reservation does not expire");
        assertEquals(ReservationStatus.RELEASED, reservation.status());
    }

    @Test
    void aSettledOrExpiredReservationCannotChange() {
        Reservation sale = Reservation.forSale(new ReservationId("seckill-activity-1"), new ProductId(1),
                new Quantity(5), "pessimistic");
        assertEquals(3, sale.settle(2));
        assertFalse(sale.release(), "the kept units of a settled sale stay sold");
        assertEquals(0, sale.settle(0));
        assertEquals(ReservationStatus.SETTLED, sale.status());

        Instant end = Instant.now().plusSeconds(60);
        Reservation held = customerReservation(end);
        assertFalse(held.expire(end.minusMillis(1)), "not before its end");
        assertTrue(held.expire(end));
        assertFalse(held.release());
        assertEquals(ReservationStatus.EXPIRED, held.status());
    }

    @Test
    void aReservationBelongsToItsCustomerAndASalesToNoOne() {
        Reservation held = customerReservation(Instant.now().plusSeconds(60));
        assertTrue(held.belongsTo(new CustomerId(7)));
        assertFalse(held.belongsTo(new CustomerId(8)));
        Reservation sale = Reservation.forSale(new ReservationId("seckill-activity-1"), new ProductId(1),
                new Quantity(5), "pessimistic");
        assertFalse(sale.belongsTo(new CustomerId(7)));
        assertTrue(sale.customer().isEmpty());
        assertFalse(sale.expire(Instant.MAX), "a sale's units are settled by the sale, never expired");
    }

    private static Reservation customerReservation(Instant expiresAt) {
        return Reservation.forCustomer(new ReservationId("order-1"), new ProductId(1), new Quantity(2),
                "pessimistic", new CustomerId(7), expiresAt);
    }

    @Test
    void orderIdsAreShortSafeTokens() {
        new ReservationId("a");
        new ReservationId("8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11");
        new ReservationId("x".repeat(64));
        for (String bad : new String[] {null, "", "x".repeat(65), "has space", "semi;colon", "ünïcode"}) {
            assertThrows(InvalidInputException.class, () -> new ReservationId(bad), String.valueOf(bad));
        }
    }

    @Test
    void strategiesAreChosenByTheirWireNames() {
        assertEquals(ReservationStrategy.REDIS_LOCK, ReservationStrategy.fromWireName("redis-lock"));
        assertEquals(ReservationStrategy.OPTIMISTIC, ReservationStrategy.fromWireName("optimistic"));
        assertThrows(InvalidInputException.class, () -> ReservationStrategy.fromWireName("REDIS_LOCK"));
    }
}
