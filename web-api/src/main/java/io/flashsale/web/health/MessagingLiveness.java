package io.flashsale.web.health;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when a Kafka channel failed for good, above all the order writer's consumer: SmallRye closes a consumer whose
 * processing failed and never reopens it, so the instance would accept purchases nobody writes. A restart is the
 * cure, which is what an orchestrator does with a failed liveness check. (A data service being away is readiness, and
 * does not fail a channel: the order writer waits for it.)
 */
@Liveness
@ApplicationScoped
public class MessagingLiveness implements HealthCheck {

    @Inject
    HealthCenter messaging;

    @Override
    public HealthCheckResponse call() {
        HealthReport liveness = messaging.getLiveness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("messaging").status(liveness.isOk());
        for (HealthReport.ChannelInfo channel : liveness.getChannels()) {
            response.withData(channel.getChannel(), channel.isOk() ? "UP"
                    : "DOWN" + (channel.getMessage() == null ? "" : ": " + channel.getMessage()));
        }
        return response.build();
    }
}
