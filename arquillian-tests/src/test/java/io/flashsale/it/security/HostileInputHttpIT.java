package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Activities;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;
import java.time.Instant;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker's garbage gets (issue 14, hostile input): a clear 4xx problem+json answer and no change, never a
 * 5xx, a silently wrapped number or a version banner. Each case failed before the fix.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class HostileInputHttpIT {


    final URL base = PlatformSession.serverUrl();

    private Http admin() {
        return new Accounts(new Http(base.toString())).admin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"21474837", "42949673", "2147483647"})
    void aPageFarPastTheLastProductIsEmpty(String page) {
        Http.Reply reply = new Http(base.toString()).get("/api/v1/products?page=" + page + "&size=100");
        assertEquals(200, reply.status(), reply.body()); // was 500 (int overflow) or another page's products
        assertTrue(reply.json().getJsonArray("items").isEmpty(), reply.body());
        assertEquals(Integer.parseInt(page), reply.json().getInt("page"));
    }

    /** Numbers Yasson used to wrap, truncate or take from strings: 4294967297 became 1, 1.5 became 1, 2^63 became 0. */
    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "9223372036854775808", "1e308", "1.5", "\"5\"", "true", "[5]"})
    void aStockThatIsNotAWholeNumberInRangeIsRefusedAndNothingIsCreated(String stock) {
        Http admin = admin();
        long before = productCount(admin);
        Http.Reply reply = admin.post("/api/v1/products", "{\"name\":\"hostile\",\"price\":1.00,\"stock\":" + stock
                + "}");
        assertProblem(400, "/problems/malformed-json", reply);
        assertEquals(before, productCount(admin), "no product was created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-9223372036854775809", "9223372036854775808", "1.0000001"})
    void aProductIdOutOfRangeIsNotLookedUpAsAnotherOne(String productId) {
        Instant now = Instant.now();
        Http.Reply reply = admin().post("/api/v1/seckill/activities", "{\"product_id\":" + productId
                + ",\"price\":1.99,\"stock\":1,\"per_user_limit\":1,\"starts_at\":\"" + now + "\",\"ends_at\":\""
                + now.plusSeconds(60) + "\"}");
        assertProblem(400, "/problems/malformed-json", reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "2026-11-25", "2026-02-30T12:00:00Z", "tomorrow"})
    void aDateThatIsNotAnRfc3339DateTimeIsBadInputNotADatabaseOutage(String endsAt) {
        Http admin = admin();
        long product = new Activities(admin).product(10);
        Http.Reply reply = admin.post("/api/v1/seckill/activities", "{\"product_id\":" + product
                + ",\"price\":1.99,\"stock\":1,\"per_user_limit\":1,\"starts_at\":\"" + Instant.now()
                + "\",\"ends_at\":\"" + endsAt + "\"}");
        assertProblem(400, "/problems/malformed-json", reply); // was 503 "database is unavailable"
        assertEquals(10, admin.get("/api/v1/products/" + product + "/stock").json().getInt("stock"),
                "no unit left the product");
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        Http admin = admin();
        long before = productCount(admin);
        Http.Reply reply = admin.post("/api/v1/products", "{\"name\":\"hostile\",\"price\":1.00,\"stock\":1} {}");
        assertProblem(400, "/problems/malformed-json", reply);
        assertEquals(before, productCount(admin));
    }

    @Test
    void aBodyNestedTooDeepIsRefused() {
        String deep = "[".repeat(50) + "]".repeat(50);
        Http.Reply reply = admin().post("/api/v1/products", "{\"name\":\"hostile\",\"price\":1.00,\"stock\":1,"
                + "\"extra\":" + deep + "}");
        assertProblem(400, "/problems/malformed-json", reply);
    }

    @Test
    void aBodyOfHundredsOfKilobytesIsRefused() {
        String huge = "{\"name\":\"hostile\",\"price\":1.00,\"stock\":1,\"description\":\"" + "x".repeat(200_000)
                + "\"}";
        Http.Reply reply = admin().post("/api/v1/products", huge);
        assertProblem(413, reply);
    }

    @Test
    void noVersionBannerAndNoWadl() {
        Http anonymous = new Http(base.toString());
        Http.Reply ping = anonymous.get("/api/v1/ping");
        assertFalse(ping.header("Server").isPresent(), "Server: " + ping.header("Server"));
        assertFalse(ping.header("X-Powered-By").isPresent(), "X-Powered-By: " + ping.header("X-Powered-By"));

        assertProblem(404, anonymous.get("/api/v1/application.wadl"));
        Http.Reply options = anonymous.options("/api/v1/products");
        assertFalse(options.contentType().contains("wadl") || options.body().contains("<application"),
                options.contentType() + " " + options.body());
    }

    @Test
    void whatTheContainerAnswersItselfIsAProblemTooNotPayarasHtmlPage() {
        Http anonymous = new Http(base.toString());
        for (Http.Reply reply : List.of(
                anonymous.get("/nope"),
                anonymous.get("/api/v1/nope"),
                anonymous.request("POST", "/api/v1/users", ";;;garbage", "{}"),
                anonymous.request("DELETE", "/api/v1/ping", null, null),
                anonymous.as("a".repeat(9_000)).get("/api/v1/users/me"))) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
            assertProblem(reply.status(), reply);
            assertFalse(reply.body().contains("Payara") || reply.body().contains("<html"), reply.body());
        }
        assertProblem(401, anonymous.as("a".repeat(9_000)).get("/api/v1/users/me")); // a 9 KB token: read, refused
    }

    @Test
    void malformedHttpIsRefusedByTheCodecBeforeAnyApplicationCode() {
        // documented limit: a NUL byte in the path never reaches the application; an empty 400, no 5xx
        Http.Reply nul = new Http(base.toString()).postFrom("127.0.0.1", "/api/v1/products/%00", "{}");
        assertEquals(400, nul.status(), nul.body());
    }

    @Test
    void publicHealthSaysUpOrDownButNotWhereTheServicesAre() {
        String health = new Http(base.toString()).get("/health").body();
        assertTrue(health.contains("\"database\"") && health.contains("\"redis\"") && health.contains("\"kafka\""),
                health);
        for (String detail : List.of("jdbc:", "127.0.0.1", ":13306", ":16379", ":19092", "endpoint")) {
            assertFalse(health.contains(detail), "/health tells anyone " + detail + ": " + health);
        }
    }

    private static long productCount(Http admin) {
        return admin.get("/api/v1/products?page=0&size=1").json().getJsonNumber("total").longValue();
    }
}
