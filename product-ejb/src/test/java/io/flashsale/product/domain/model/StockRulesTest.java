package io.flashsale.product.domain.model;

import io.flashsale.product.application.reservation.ReservationStrategy;
import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationStatus;
import io.flashsale.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

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
        Reservation reservation = new Reservation(new ReservationId("order-1"), new ProductId(1), new Quantity(2),
                "pessimistic");
        assertTrue(reservation.release());
        assertFalse(reservation.release());
        assertEquals(ReservationStatus.RELEASED, reservation.status());
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
