package io.flashsale.seckill.application.activity;

import io.flashsale.seckill.domain.model.activity.ActivityFixture;
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

    private final Instant created = ActivityFixture.CREATED;
    private final Instant start = ActivityFixture.START;
    private final Instant end = ActivityFixture.END;

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
        SeckillActivity sale = ActivityFixture.activity();
        ActivityTerms terms = terms(false);
        for (Instant now : List.of(created, start.minusNanos(1), start, start.plusSeconds(1800), end.minusNanos(1),
                end, end.plusNanos(1))) {
            ActivityStatus closed = terms.closedReason(now);
            assertEquals(closed == null ? ActivityStatus.ACTIVE : closed, sale.status(now, 1), now.toString());
            assertEquals(closed == null, sale.onSaleAt(now), now.toString());
        }
    }
}
