package io.flashsale.it.operations;

import io.flashsale.it.support.Deployments;
import io.flashsale.it.support.Http;
import io.flashsale.seckill.infrastructure.messaging.PurchaseEventConsumer;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveness goes DOWN when the order writer's consumer is dead, so an orchestrator restarts the instance. The consumer
 * dies when its method fails: SmallRye's subscriber mediator then reports the failure to its health center and closes
 * the consumer for good. The order writer never lets a failure out (it retries, rejects or dead-letters), so the test
 * makes that report itself, inside Payara, with the words SmallRye uses; what is checked is what an orchestrator sees.
 * A deployment of its own: the failure stays with this deployment and goes with it.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingLivenessIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWith("liveness-it", MessagingLivenessIT.class, Http.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    HealthCenter messaging;

    @Test
    void aDeadOrderWriterConsumerTurnsLivenessDown() throws Exception {
        Http server = new Http(new URL(base, "/").toString());
        Http.Reply before = server.get("/health/live");
        assertEquals(200, before.status(), before.body());
        assertEquals("UP", messagingCheck(before).getString("status"), before.body());

        messaging.reportApplicationFailure(PurchaseEventConsumer.class.getName() + "#consume",
                new IllegalStateException("the order writer failed"));

        Http.Reply after = server.get("/health/live");
        assertEquals(503, after.status(), "an orchestrator restarts an instance whose liveness fails: " + after.body());
        assertEquals("DOWN", after.json().getString("status"), after.body());
        JsonObject check = messagingCheck(after);
        assertEquals("DOWN", check.getString("status"), after.body());
        assertTrue(check.getJsonObject("data").toString().contains("the order writer failed"),
                "the report names the failure: " + after.body());
        assertEquals(200, server.get("/health/ready").status(), "readiness is about data services, not this");
    }

    private static JsonObject messagingCheck(Http.Reply live) {
        return live.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "messaging".equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no messaging check: " + live.body()));
    }
}
