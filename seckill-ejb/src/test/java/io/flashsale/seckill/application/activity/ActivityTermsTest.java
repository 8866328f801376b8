package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityStatus;
import io.flashsale.seckill.domain.model.activity.SeckillActivity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The terms the purchase hot path caches say what the activity says: the same window, the same reasons. */
class ActivityTermsTest {

    private final Instant created = Instant.parse("2026-11-25T09:00:00Z");
    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");
    private final Instant end = Instant.parse("2026-11-25T11:00:00Z");

    private SeckillActivity activity() {
        return activity(100, 1, start, end, 900, new BigDecimal("1.99"), created);
    }

    private static SeckillActivity activity(int stock, int perUserLimit, Instant startsAt, Instant endsAt,
                                            int paymentWindowSeconds, BigDecimal price, Instant now) {
        return new SeckillActivity(1, price, stock, perUserLimit, startsAt, endsAt, paymentWindowSeconds,
                "8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11", now);
    }

    private ActivityTerms terms(boolean settled) {
        return new ActivityTerms(new ActivityId(3), new BigDecimal("1.99"), 1, start, end, settled);
    }

    @Test
    void theHotPathSaysWhyASaleIsClosed() {
        ActivityTerms open = terms(false);
        assertEquals(ActivityStatus.SCHEDULED, open.closedReason(start.minusNanos(1)));
        assertNull(open.closedReason(start));
        assertNull(open.closedReason(end.minusNanos(1)));
        assertEquals(ActivityStatus.ENDED, open.closedReason(end));

        ActivityTerms settled = terms(true);
        assertEquals(ActivityStatus.ENDED, settled.closedReason(start), "settled mid-window: ended");
        assertEquals(ActivityStatus.ENDED, settled.closedReason(start.minusNanos(1)), "settled before it began");
    }

    /** The purchase path checks ActivityTerms, the activity read shows SeckillActivity: both draw the same window. */
    @Test
    void theHotPathAndTheActivityAgreeOnTheWindow() {
        SeckillActivity sale = activity();
        ActivityTerms terms = terms(false);
        for (Instant now : List.of(created, start.minusNanos(1), start, start.plusSeconds(1800), end.minusNanos(1),
                end, end.plusNanos(1))) {
            ActivityStatus closed = terms.closedReason(now);
            assertEquals(closed == null ? ActivityStatus.ACTIVE : closed, sale.status(now, 1), now.toString());
            assertEquals(closed == null, sale.onSaleAt(now), now.toString());
        }
    }
}
