package io.flashsale.web.health;

import io.flashsale.shared.infrastructure.redis.RedisConnection;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "flashsale.health.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        return TimeLimitedCheck.run("redis", executor, Duration.ofMillis(timeoutMillis), () -> {
            String pong = redis.client().ping();
            if (!"PONG".equals(pong)) {
                throw new IllegalStateException("PING answered " + pong);
            }
            return redis.endpoint();
        });
    }
}
