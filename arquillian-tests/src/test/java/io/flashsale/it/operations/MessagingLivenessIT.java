package io.flashsale.it.operations;

import io.flashsale.it.support.Http;
import io.flashsale.seckill.infrastructure.messaging.PurchaseEventConsumer;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Field;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liveness goes DOWN when the order writer's consumer is dead, so an orchestrator restarts the instance. The consumer
 * dies when its method fails: SmallRye's subscriber mediator then reports the failure to its health center and closes
 * the consumer for good. The order writer never lets a failure out (it retries, rejects or dead-letters), so the test
 * makes that report itself, inside Payara, with the words SmallRye uses; what is checked is what an orchestrator sees.
 * The suite shares one deployment, so the test withdraws its report afterwards (SmallRye has no API for that: the
 * health center's list of failures is cleared on the bean instance) and checks that liveness is UP again.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingLivenessIT {


    @ArquillianResource
    URL base;

    @Inject
    HealthCenter messaging;

    @Inject
    BeanManager beans;

    @Test
    void aDeadOrderWriterConsumerTurnsLivenessDown() throws Exception {
        Http server = new Http(new URL(base, "/").toString());
        Http.Reply before = server.get("/health/live");
        assertEquals(200, before.status(), before.body());
        assertEquals("UP", messagingCheck(before).getString("status"), before.body());

        messaging.reportApplicationFailure(PurchaseEventConsumer.class.getName() + "#consume",
                new IllegalStateException("the order writer failed"));
        try {
            assertLivenessDown(server);
        } finally {
            withdrawReportedFailures();
        }
        assertEquals(200, server.get("/health/live").status(), "liveness is UP again for the rest of the suite");
    }

    private static void assertLivenessDown(Http server) {
        Http.Reply after = server.get("/health/live");
        assertEquals(503, after.status(), "an orchestrator restarts an instance whose liveness fails: " + after.body());
        assertEquals("DOWN", after.json().getString("status"), after.body());
        JsonObject check = messagingCheck(after);
        assertEquals("DOWN", check.getString("status"), after.body());
        assertTrue(check.getJsonObject("data").toString().contains("the order writer failed"),
                "the report names the failure: " + after.body());
        assertEquals(200, server.get("/health/ready").status(), "readiness is about data services, not this");
    }

    private void withdrawReportedFailures() throws ReflectiveOperationException {
        Bean<?> bean = beans.resolve(beans.getBeans(HealthCenter.class));
        Object center = beans.getContext(bean.getScope()).get(bean);
        Field failures = HealthCenter.class.getDeclaredField("failures");
        failures.setAccessible(true);
        ((List<?>) failures.get(center)).clear();
    }

    private static JsonObject messagingCheck(Http.Reply live) {
        return live.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "messaging".equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no messaging check: " + live.body()));
    }
}
