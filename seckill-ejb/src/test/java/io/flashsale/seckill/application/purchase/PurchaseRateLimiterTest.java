package io.flashsale.seckill.application.purchase;

import io.flashsale.seckill.domain.model.activity.PurchaseRateLimitedException;
import io.flashsale.shared.domain.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurchaseRateLimiterTest {

    // an arbitrary origin, far from 0: System.nanoTime() may be any value, negative included
    private static final long START = -5_000_000_000L;

    private long nanos = START;
    private PurchaseRateLimiter limiter;

    /** A burst of 4, then 4 per second: one token each 250 ms, half a token each 125 ms (exact in binary). */
    @BeforeEach
    void limiter() {
        limiter = new PurchaseRateLimiter(() -> nanos);
        limiter.perSecond = 4;
        limiter.burst = 4;
        limiter.validate();
    }

    private void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
    }

    /** How many purchases in a row the buyer is let through now, up to 100. */
    private int admittedInARow(long buyer) {
        for (int admitted = 0; admitted < 100; admitted++) {
            try {
                limiter.admit(buyer);
            } catch (PurchaseRateLimitedException refused) {
                return admitted;
            }
        }
        return 100;
    }

    @Test
    void aNewBuyerMayBurstUpToTheCapacityAndIsThenRefusedWithARetryAfter() {
        for (int i = 0; i < 4; i++) {
            limiter.admit(7);
        }
        PurchaseRateLimitedException refused = assertThrows(PurchaseRateLimitedException.class,
                () -> limiter.admit(7));
        assertEquals(DomainException.Kind.RATE_LIMITED, refused.kind());
        assertEquals("rate-limited", refused.type());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(0, admittedInARow(7), "a refusal does not make room");
    }

    @Test
    void tokensComeBackAtTheConfiguredRateAndARefusalLosesNoTime() {
        assertEquals(4, admittedInARow(7));
        advance(125, TimeUnit.MILLISECONDS);
        assertEquals(0, admittedInARow(7), "half a token is not a purchase");
        advance(125, TimeUnit.MILLISECONDS);
        assertEquals(1, admittedInARow(7), "the half token refused above still counts");
        advance(750, TimeUnit.MILLISECONDS);
        assertEquals(3, admittedInARow(7));
    }

    @Test
    void aTokenIsBackExactlyAfterItsIntervalAndNotANanosecondBefore() {
        assertEquals(4, admittedInARow(7));
        advance(249_999_999, TimeUnit.NANOSECONDS);
        assertEquals(0, admittedInARow(7));

        limiter();
        assertEquals(4, admittedInARow(7));
        advance(250, TimeUnit.MILLISECONDS);
        assertEquals(1, admittedInARow(7));
    }

    @Test
    void anIdleBuyerGetsNoMoreThanTheBurstBack() {
        assertEquals(4, admittedInARow(7));
        advance(1, TimeUnit.HOURS);
        assertEquals(4, admittedInARow(7));

        limiter.admit(8);
        limiter.admit(8);
        advance(250, TimeUnit.MILLISECONDS);
        assertEquals(3, admittedInARow(8), "2 left + 1 refilled");
        limiter.admit(9);
        advance(10, TimeUnit.SECONDS);
        assertEquals(4, admittedInARow(9), "3 left + 40 refilled, capped at 4");
    }

    @Test
    void eachBuyerHasABucketOfTheirOwn() {
        assertEquals(4, admittedInARow(7));
        assertEquals(4, admittedInARow(8), "the same instant, another buyer");
        assertEquals(0, admittedInARow(7));
        advance(250, TimeUnit.MILLISECONDS);
        assertEquals(1, admittedInARow(7));
        assertEquals(1, admittedInARow(8));
        assertEquals(4, admittedInARow(9), "a buyer first seen later starts full");
    }

    /** Past 200,000 tracked buyers every bucket is dropped, so memory stays bounded: all start over, full. */
    @Test
    void aFloodOfDistinctBuyersStartsEveryBucketOver() {
        assertEquals(4, admittedInARow(7));
        for (long buyer = 1_000_000; buyer < 1_200_000; buyer++) {
            limiter.admit(buyer);
        }
        assertEquals(4, admittedInARow(7), "200,001 buyers tracked: the buckets were dropped");
        assertEquals(0, admittedInARow(7));
        assertEquals(4, admittedInARow(1_000_000), "its bucket was dropped too");
    }

    @Test
    void aRateOrBurstThatCouldNeverAdmitIsRefusedAtStart() {
        PurchaseRateLimiter noRate = new PurchaseRateLimiter(() -> nanos);
        noRate.perSecond = 0;
        noRate.burst = 40;
        assertThrows(IllegalStateException.class, noRate::validate);
        PurchaseRateLimiter noBurst = new PurchaseRateLimiter(() -> nanos);
        noBurst.perSecond = 20;
        noBurst.burst = 0.5;
        assertThrows(IllegalStateException.class, noBurst::validate);
    }
}
