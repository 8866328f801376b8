package io.flashsale.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

import java.time.Instant;

/**
 * Started means the application finished deploying (its beans, startup singletons and JAX-RS are up); orchestrators
 * wait for it before they start asking liveness and readiness.
 */
@Startup
@ApplicationScoped
public class ApplicationStartup implements HealthCheck {

    private volatile Instant startedAt;

    void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
        startedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("deployment").status(startedAt != null);
        if (startedAt != null) {
            response.withData("started_at", startedAt.toString());
        }
        return response.build();
    }
}
