package io.flashsale.seckill.domain.model.activity;

import java.math.BigDecimal;
import java.time.Instant;

/** The activity the unit tests start from: created at 09:00, on sale from 10:00 to 11:00, 100 units, 1 per buyer. */
public final class ActivityFixture {

    public static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");
    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    public static final Instant END = Instant.parse("2026-11-25T11:00:00Z");

    private ActivityFixture() {
    }

    public static SeckillActivity activity() {
        return activity(100, 1, START, END, 900, new BigDecimal("1.99"), CREATED);
    }

    public static SeckillActivity activity(int stock, int perUserLimit, Instant startsAt, Instant endsAt,
                                           int paymentWindowSeconds, BigDecimal price, Instant now) {
        return new SeckillActivity(1, price, stock, perUserLimit, startsAt, endsAt, paymentWindowSeconds,
                "8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11", now);
    }
}
