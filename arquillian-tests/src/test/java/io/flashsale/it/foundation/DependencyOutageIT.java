package io.flashsale.it.foundation;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.platform.dataservices.DataService;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readiness names the dependency that is gone, liveness does not care, and both recover when it is back. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class DependencyOutageIT {


    final URL base = PlatformSession.serverUrl();

    @ParameterizedTest
    @ValueSource(strings = {"redis", "kafka", "database"})
    void readinessGoesDownNamingTheStoppedServiceAndComesBack(String name) throws Exception {
        DataService service = PlatformSession.platform().embedded(name).orElseThrow();
        Http http = new Http(base.toString());
        Await.until("ready before the outage", Duration.ofSeconds(60), () -> http.get("/health/ready").status(),
                status -> status == 200);

        service.stop();
        try {
            Http.Reply down = Await.until(name + " reported DOWN", Duration.ofSeconds(30),
                    () -> http.get("/health/ready"), reply -> reply.status() == 503);
            Map<String, String> checks = statuses(down.json());
            assertEquals("DOWN", checks.get(name), down.body());
            checks.forEach((check, status) -> {
                if (!check.equals(name)) {
                    assertEquals("UP", status, check + " should be unaffected: " + down.body());
                }
            });
            assertEquals(200, http.get("/health/live").status(), "liveness ignores the data services");
        } finally {
            service.start();
        }
        Await.until(name + " back UP", Duration.ofSeconds(90), () -> http.get("/health/ready").status(),
                status -> status == 200);
    }

    private static Map<String, String> statuses(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }
}
