package io.flashsale.seckill.domain.model.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeckillOrderTest {

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private SeckillPurchase purchase() {
        return new SeckillPurchase(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 7, 42, 2,
                new BigDecimal("1.99"), now.minusSeconds(1));
    }

    @Test
    void aRejectedOrderHoldsNoUnitsCanBeNeitherPaidNorCancelledAndSaysWhy() {
        SeckillOrder order = SeckillOrder.reject(purchase(), RejectionReason.SALE_SETTLED, now);
        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals(Optional.of(RejectionReason.SALE_SETTLED), order.rejectionReason());
        assertEquals("sale-settled", order.rejectionReason().orElseThrow().code());
        assertThrows(SeckillOrder.OrderNotPayableException.class, () -> order.pay(now));
        assertFalse(order.cancel(now), "nothing to cancel");
        assertEquals(OrderStatus.REJECTED, order.status());
    }

    @Test
    void aConfirmedOrderHasNoRejectionReasonAndIsCancelledOnceUnlessPaid() {
        SeckillOrder order = SeckillOrder.confirm(purchase(), Duration.ofMinutes(15), now);
        assertEquals(Optional.empty(), order.rejectionReason());
        assertTrue(order.cancel(now));
        assertFalse(order.cancel(now), "at most once");
        SeckillOrder paid = SeckillOrder.confirm(purchase(), Duration.ofMinutes(15), now);
        paid.pay(now);
        paid.pay(now);
        assertEquals(OrderStatus.PAID, paid.status());
        assertFalse(paid.cancel(now), "a paid order is not cancelled");
    }

    @Test
    void aConfirmedOrderIsToBePaidWithinTheSalesWindowFromWhenItWasTaken() {
        SeckillOrder order = SeckillOrder.confirm(purchase(), Duration.ofMinutes(15), now.plusSeconds(3));
        assertEquals(purchase().occurredAt().plus(Duration.ofMinutes(15)), order.payBy(),
                "from the purchase, not from when the order writer got to it");
    }
}
