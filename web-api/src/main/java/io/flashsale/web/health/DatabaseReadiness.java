package io.flashsale.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/flashsale")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "flashsale.health.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        return TimeLimitedCheck.run("database", executor, Duration.ofMillis(timeoutMillis), () -> {
            try (Connection connection = dataSource.getConnection()) {
                int seconds = (int) Math.max(1, timeoutMillis / 1000);
                if (!connection.isValid(seconds)) {
                    throw new IllegalStateException("connection is not valid");
                }
                return connection.getMetaData().getURL();
            }
        });
    }
}
