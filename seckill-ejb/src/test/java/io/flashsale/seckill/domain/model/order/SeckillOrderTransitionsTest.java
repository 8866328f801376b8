package io.flashsale.seckill.domain.model.order;

import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every transition of an order: CONFIRMED or REJECTED when written, then CONFIRMED to PAID or CANCELLED, and nothing
 * else. (PENDING is what the order read answers while only Redis knows the purchase; no order is ever in it.)
 */
class SeckillOrderTransitionsTest {

    private static final String ORDER_ID = "8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11";
    private static final long BUYER = 42;

    private final Instant purchasedAt = Instant.parse("2026-11-25T12:00:00Z");
    private final Instant written = purchasedAt.plusMillis(30);
    private final Instant later = written.plusSeconds(60);
    private final Instant evenLater = later.plusSeconds(60);

    /** 2 units at 1.99: 3.98 to pay. */
    private SeckillPurchase purchase() {
        return new SeckillPurchase("event-1", ORDER_ID, 7, BUYER, 2, new BigDecimal("1.99"), purchasedAt);
    }

    private SeckillOrder confirmed() {
        return SeckillOrder.confirm(purchase(), Duration.ofMinutes(15), written);
    }

    // the columns below have no accessor, yet they carry the rules: live_buyer is half of the unique key that allows
    // one live order per buyer and sale, cache_release_pending makes housekeeping give the units back in Redis
    private static Object column(SeckillOrder order, String field) {
        try {
            Field column = SeckillOrder.class.getDeclaredField(field);
            column.setAccessible(true);
            return column.get(order);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aConfirmedOrderHoldsTheBuyersPlaceAndOwesPriceTimesQuantity() {
        SeckillOrder order = confirmed();
        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertEquals(ORDER_ID, order.orderId().value());
        assertEquals(7, order.activityId());
        assertEquals(BUYER, order.userId());
        assertEquals(2, order.quantity());
        assertEquals(new BigDecimal("3.98"), order.amount());
        assertEquals(purchasedAt, order.createdAt(), "created when the purchase was accepted, not when written");
        assertEquals(written, column(order, "confirmedAt"));
        assertEquals(BUYER, column(order, "liveBuyer"));
        assertEquals(false, column(order, "cacheReleasePending"));
        assertEquals(Optional.empty(), order.paymentReference());
    }

    @Test
    void aRejectedOrderHoldsNoPlaceAndItsHoldInRedisIsStillToBeReleased() {
        SeckillOrder order = SeckillOrder.reject(purchase(), RejectionReason.UNITS_UNAVAILABLE, written);
        assertEquals(written, column(order, "rejectedAt"));
        assertNull(column(order, "liveBuyer"), "the buyer may buy again");
        assertEquals(true, column(order, "cacheReleasePending"));
        order.cacheReleased();
        assertEquals(false, column(order, "cacheReleasePending"));
        assertEquals(OrderStatus.REJECTED, order.status());
    }

    @Test
    void rejectionReasonsReadAsKebabCaseCodes() {
        assertEquals("units-unavailable", RejectionReason.UNITS_UNAVAILABLE.code());
        assertEquals("buyer-has-live-order", RejectionReason.BUYER_HAS_LIVE_ORDER.code());
        assertEquals("unwritable", RejectionReason.UNWRITABLE.code());
    }

    @Test
    void anOrderIdIsAUuid() {
        SeckillPurchase upperCase = new SeckillPurchase("e", ORDER_ID.toUpperCase(), 7, BUYER, 2, BigDecimal.ONE,
                purchasedAt);
        assertEquals(ORDER_ID, SeckillOrder.confirm(upperCase, Duration.ofMinutes(15), written).orderId().value());
        SeckillPurchase notAUuid = new SeckillPurchase("e", "order-1", 7, BUYER, 2, BigDecimal.ONE, purchasedAt);
        assertThrows(InvalidInputException.class, () -> SeckillOrder.confirm(notAUuid, Duration.ofMinutes(15), written));
        assertThrows(InvalidInputException.class, () -> SeckillOrder.reject(notAUuid, RejectionReason.UNWRITABLE,
                written));
    }

    @Test
    void payingAConfirmedOrderRecordsTheFirstPaymentOnlyAndKeepsTheBuyersPlace() {
        SeckillOrder order = confirmed();
        order.pay(later);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(later, column(order, "paidAt"));
        order.pay(evenLater);
        assertEquals(later, column(order, "paidAt"), "paying again changes nothing");
        assertEquals(BUYER, column(order, "liveBuyer"), "a paid order still counts as the buyer's order");
        assertEquals(false, column(order, "cacheReleasePending"));
    }

    @Test
    void cancellingAConfirmedOrderFreesTheBuyersPlaceAndItsUnitsOnce() {
        SeckillOrder order = confirmed();
        assertTrue(order.cancel(later));
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(later, column(order, "cancelledAt"));
        assertNull(column(order, "liveBuyer"), "the buyer may buy again");
        assertEquals(true, column(order, "cacheReleasePending"));
        order.cacheReleased();
        assertEquals(false, column(order, "cacheReleasePending"));
        assertFalse(order.cancel(evenLater));
        assertEquals(later, column(order, "cancelledAt"));
        assertEquals(false, column(order, "cacheReleasePending"), "a refused cancel does not release twice");
    }

    @Test
    void aCancelledOrderCanNeitherBePaidNorStartAPayment() {
        SeckillOrder order = confirmed();
        order.cancel(later);
        SeckillOrder.OrderNotPayableException refused = assertThrows(SeckillOrder.OrderNotPayableException.class,
                () -> order.pay(evenLater));
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals("order-not-payable", refused.type());
        assertEquals("order " + ORDER_ID + " is CANCELLED and cannot be paid", refused.getMessage());
        assertThrows(SeckillOrder.OrderNotPayableException.class, () -> order.startPayment("pay_1"));
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertNull(column(order, "paidAt"));
    }

    @Test
    void aRejectedOrderCannotStartAPaymentNorBeConfirmedByTheProvider() {
        SeckillOrder order = SeckillOrder.reject(purchase(), RejectionReason.UNWRITABLE, written);
        assertThrows(SeckillOrder.OrderNotPayableException.class, () -> order.startPayment("pay_1"));
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment("pay_1", new BigDecimal("3.98"), later));
        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals(Optional.empty(), order.paymentReference());
    }

    @Test
    void aStartedPaymentKeepsItsFirstReferenceAndLeavesTheOrderConfirmedAndCancellable() {
        SeckillOrder order = confirmed();
        assertEquals("pay_1", order.startPayment("pay_1"));
        assertEquals("pay_1", order.startPayment("pay_2"), "asked twice: the same reference");
        assertEquals(Optional.of("pay_1"), order.paymentReference());
        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertTrue(order.cancel(later), "a started payment does not stop the payment window");
    }

    @Test
    void theProviderPaysTheOrderWithTheStartedReferenceAndTheWholeAmountOnce() {
        SeckillOrder order = confirmed();
        order.startPayment("pay_1");
        order.confirmPayment("pay_1", new BigDecimal("3.980"), later);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(later, column(order, "paidAt"));
        order.confirmPayment("pay_1", new BigDecimal("3.98"), evenLater);
        assertEquals(later, column(order, "paidAt"), "the provider's retry changes nothing");
        assertEquals("pay_1", order.startPayment("pay_2"), "a paid order answers its payment's reference");
        assertEquals(OrderStatus.PAID, order.status());
    }

    @Test
    void aConfirmationThatDoesNotMatchTheStartedPaymentIsRefusedAndChangesNothing() {
        SeckillOrder notStarted = confirmed();
        SeckillOrder.PaymentMismatchException refused = assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> notStarted.confirmPayment("pay_1", new BigDecimal("3.98"), later));
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals("payment-mismatch", refused.type());

        SeckillOrder order = confirmed();
        order.startPayment("pay_1");
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment("pay_2", new BigDecimal("3.98"), later), "another reference");
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment(null, new BigDecimal("3.98"), later), "no reference");
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment("pay_1", new BigDecimal("1.99"), later), "the unit price only");
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment("pay_1", new BigDecimal("3.99"), later), "more than owed");
        assertThrows(SeckillOrder.PaymentMismatchException.class,
                () -> order.confirmPayment("pay_1", null, later), "no amount");
        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertNull(column(order, "paidAt"));
    }

    /** The provider's confirmation arrives after housekeeping cancelled the order at the end of its window. */
    @Test
    void aPaymentConfirmedAfterTheOrderWasCancelledIsRefused() {
        SeckillOrder order = confirmed();
        order.startPayment("pay_1");
        order.cancel(later);
        assertThrows(SeckillOrder.OrderNotPayableException.class,
                () -> order.confirmPayment("pay_1", new BigDecimal("3.98"), evenLater));
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertNull(column(order, "paidAt"));
    }
}
