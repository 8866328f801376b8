package io.flashsale.it.foundation;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Concurrently;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Activities;
import io.flashsale.platform.dataservices.DataService;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
        long sale = new Activities(new Accounts(http).admin()).activity(10, 1);
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
        // not only the probe: requests on many pooled connections at once (MySQL and Redis) are served again
        Await.until("16 concurrent sale reads all served after " + name + " came back", Duration.ofSeconds(30),
                () -> concurrentReads(http, sale),
                statuses -> statuses.stream().allMatch(status -> status == 200));
    }

    private static List<Integer> concurrentReads(Http http, long sale) {
        List<Callable<Integer>> reads = Collections.nCopies(16,
                () -> http.get("/api/v1/seckill/activities/" + sale).status());
        try {
            return Concurrently.run(reads, 16);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> statuses(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }
}
