package io.flashsale.seckill.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Duration;

/** The order writer's lag: how old the newest purchase of the last batch was when its orders were written. */
@ApplicationScoped
public class OrderWriterProgress {

    private volatile double lagSeconds;

    void wrote(Duration age) {
        lagSeconds = Math.max(0, age.toNanos() / 1e9);
    }

    @Gauge(name = "seckill_order_writer_lag_seconds", absolute = true, unit = MetricUnits.NONE,
            description = "Age of the newest purchase in the order writer's last batch when it was written")
    public double lagSeconds() {
        return lagSeconds;
    }
}
