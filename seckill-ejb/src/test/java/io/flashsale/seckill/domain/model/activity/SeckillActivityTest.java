package io.flashsale.seckill.domain.model.activity;

import io.flashsale.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An activity's rules: open from its start, inclusive, to its end, exclusive, unless settled; its bounds. */
class SeckillActivityTest {

    private final Instant created = ActivityFixture.CREATED;
    private final Instant start = ActivityFixture.START;
    private final Instant end = ActivityFixture.END;

    @Test
    void theStatusFollowsTheWindowToTheNanosecond() {
        SeckillActivity sale = ActivityFixture.activity();
        assertEquals(ActivityStatus.SCHEDULED, sale.status(start.minusNanos(1), 100));
        assertEquals(ActivityStatus.ACTIVE, sale.status(start, 100));
        assertEquals(ActivityStatus.ACTIVE, sale.status(end.minusNanos(1), 1));
        assertEquals(ActivityStatus.ENDED, sale.status(end, 100));
        assertEquals(ActivityStatus.ENDED, sale.status(end.plusSeconds(3600), 100));
    }

    @Test
    void soldOutOnlyWhileTheWindowIsOpen() {
        SeckillActivity sale = ActivityFixture.activity();
        assertEquals(ActivityStatus.SOLD_OUT, sale.status(start, 0));
        assertEquals(ActivityStatus.SOLD_OUT, sale.status(start, -1));
        assertEquals(ActivityStatus.SCHEDULED, sale.status(start.minusNanos(1), 0));
        assertEquals(ActivityStatus.ENDED, sale.status(end, 0));
    }

    @Test
    void onSaleFromTheStartInclusiveToTheEndExclusive() {
        SeckillActivity sale = ActivityFixture.activity();
        assertFalse(sale.onSaleAt(start.minusNanos(1)));
        assertTrue(sale.onSaleAt(start));
        assertTrue(sale.onSaleAt(end.minusNanos(1)));
        assertFalse(sale.onSaleAt(end));
    }

    @Test
    void aSaleMustEndAfterItStartsAndInTheFuture() {
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(100, 1, start, start, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class,
                () -> ActivityFixture.activity(100, 1, end, start, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(100, 1, start, end, 900, BigDecimal.ONE, end),
                "ends now");
        SeckillActivity lastMoment = ActivityFixture.activity(100, 1, start, end, 900, BigDecimal.ONE, end.minusNanos(1));
        assertEquals(ActivityStatus.ACTIVE, lastMoment.status(end.minusNanos(1), 100),
                "a sale may be created already running");
        SeckillActivity oneNanosecond = ActivityFixture.activity(100, 1, start, start.plusNanos(1), 900, BigDecimal.ONE, created);
        assertEquals(ActivityStatus.ENDED, oneNanosecond.status(start.plusNanos(1), 100));
    }

    @Test
    void thePaymentWindowIsOneSecondToSevenDays() {
        assertEquals(604_800, SeckillActivity.MAX_PAYMENT_WINDOW_SECONDS);
        assertEquals(1, ActivityFixture.activity(100, 1, start, end, 1, BigDecimal.ONE, created).paymentWindowSeconds());
        assertEquals(604_800, ActivityFixture.activity(100, 1, start, end, 604_800, BigDecimal.ONE, created).paymentWindowSeconds());
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(100, 1, start, end, 0, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(100, 1, start, end, -900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class,
                () -> ActivityFixture.activity(100, 1, start, end, 604_801, BigDecimal.ONE, created));
    }

    @Test
    void stockPerBuyerLimitAndPriceAreBounded() {
        assertEquals(1_000_000, ActivityFixture.activity(1_000_000, 100, start, end, 900, BigDecimal.ONE, created).stock());
        assertEquals(1, ActivityFixture.activity(1, 1, start, end, 900, BigDecimal.ZERO, created).remaining());
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(0, 1, start, end, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class,
                () -> ActivityFixture.activity(1_000_001, 1, start, end, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(100, 0, start, end, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(3, 4, start, end, 900, BigDecimal.ONE, created),
                "more per buyer than on sale");
        assertThrows(InvalidInputException.class, () -> ActivityFixture.activity(1000, 101, start, end, 900, BigDecimal.ONE, created));
        assertThrows(InvalidInputException.class,
                () -> ActivityFixture.activity(100, 1, start, end, 900, new BigDecimal("-0.01"), created));
    }
}
