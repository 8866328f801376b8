package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Activities;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the published contract ({@code /openapi}), driven with hostile input by three callers
 * (anonymous, a customer, an administrator): path and query parameters that are no valid value, bodies of the wrong
 * shape, each property of a body in turn given a value of the wrong type or out of range, unparseable and unknown
 * Content-Types, forged Authorization headers. Must hold: no answer is a 5xx, every error is problem+json naming its
 * status, and nothing changed (the fixtures the valid ids point at, and the number of rows of every table).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class OpenApiFuzzIT {

    private static final List<String> HOSTILE_IDS = List.of("-1", "0", "abc", "9223372036854775808", "1e3",
            "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A5", "x".repeat(3000));
    private static final List<String> HOSTILE_QUERY = List.of("-1", "abc", "99999999999999999999", "1.5", "",
            "%00", "x".repeat(3000));
    private static final List<String> HOSTILE_BODIES = List.of("null", "[]", "\"x\"", "42", "{", "{\"a\":1} x",
            "{}", "[[[[[[[[[[[[1]]]]]]]]]]]]", "{\"a\":\"" + "x".repeat(40_000) + "\"}");
    private static final Map<String, List<String>> HOSTILE_VALUES = Map.of(
            "integer", List.of("1.5", "\"1\"", "9223372036854775808", "-9223372036854775809", "1e400", "{}", "[]",
                    "true"),
            "number", List.of("\"1\"", "1e400", "-1e400", "{}", "[]", "true"),
            "string", List.of("{}", "[]", "[\"x\"]"),
            "boolean", List.of("\"yes\"", "{}", "[]"));
    private static final List<String> HOSTILE_AUTHORIZATION = List.of("Bearer not-a-token", "Bearer ",
            "Basic YWRtaW46YWRtaW4=", "Bearer " + "a".repeat(10_000), "Bearer a.b.c");
    private static final List<String> TABLES = List.of("app_user", "product", "stock_reservation",
            "customer_holding", "seckill_activity", "seckill_order", "payment_callback");


    final URL base = PlatformSession.serverUrl();

    private Http http() {
        return new Http(base.toString());
    }

    /** Valid ids, so that a hostile body reaches the body checks; every one of them must be unchanged at the end. */
    private record Fixtures(long product, long activity, String order, long customer, String reservation) {
    }

    @Test
    void hostileInputToEveryDocumentedOperationIsRefusedWithAProblemAndChangesNothing() throws Exception {
        Accounts accounts = new Accounts(http());
        Http admin = accounts.admin();
        Accounts.Account buyer = accounts.newCustomer();
        Http customer = http().as(buyer.token());
        Fixtures fixtures = fixtures(admin, customer, buyer);
        Map<String, Object> before = state(fixtures, admin);

        JsonObject contract = Json.createReader(new StringReader(http().get("/openapi", "Accept",
                "application/json").body())).readObject();
        Map<String, Http> callers = new LinkedHashMap<>();
        callers.put("anonymous", http());
        callers.put("customer", customer);
        callers.put("admin", admin);

        List<String> violations = new ArrayList<>();
        int sent = 0;
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : contract.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                operations++;
                String method = operation.getKey().toUpperCase();
                List<Request> requests = requests(path.getKey(), method, operation.getValue().asJsonObject(),
                        contract, fixtures);
                for (Request request : requests) {
                    for (Map.Entry<String, Http> caller : request.anonymousOnly()
                            ? List.of(Map.entry("forged", http())) : callers.entrySet()) {
                        Http client = request.authorization() == null ? caller.getValue()
                                : http().withAuthorization(request.authorization());
                        String what = method + " " + shorten(request.path()) + " as " + caller.getKey() + " with "
                                + shorten(String.valueOf(request.body())) + " (" + request.contentType() + ")";
                        sent++;
                        try {
                            check(what, client.request(method, request.path(), request.contentType(),
                                    request.body()), violations);
                        } catch (java.io.UncheckedIOException noAnswer) {
                            violations.add("no answer (" + noAnswer.getCause() + "): " + what);
                        }
                    }
                }
            }
        }
        System.out.printf("[fuzz] %d operations, %d requests, %d violations%n", operations, sent, violations.size());
        assertTrue(operations >= 21, "the contract lists every operation: " + operations);
        assertTrue(violations.isEmpty(), violations.size() + " of " + sent + " answers broke the rules:\n"
                + String.join("\n", violations.subList(0, Math.min(40, violations.size()))));
        assertEquals(before, state(fixtures, admin), "hostile requests changed state");
    }

    private record Request(String path, String contentType, String body, String authorization, boolean anonymousOnly) {
    }

    private static List<Request> requests(String template, String method, JsonObject operation, JsonObject contract,
                                          Fixtures fixtures) {
        List<Request> requests = new ArrayList<>();
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonValue parameter : operation.getJsonArray("parameters") == null ? List.<JsonValue>of()
                : operation.getJsonArray("parameters")) {
            JsonObject p = parameter.asJsonObject();
            if (p.getString("in").equals("path")) {
                pathParameters.add(p.getString("name"));
            } else if (p.getString("in").equals("query")) {
                queryParameters.add(p.getString("name"));
            }
        }
        JsonObject bodySchema = bodySchema(operation, contract);
        String validPath = fill(template, pathParameters, name -> validId(template, name, fixtures));
        String validBody = bodySchema == null ? null : valid(bodySchema, contract).toString();

        // hostile path parameters: never a valid id, so even an operation without a body changes nothing
        for (String name : pathParameters) {
            for (String hostile : HOSTILE_IDS) {
                String path = fill(template, pathParameters, n -> n.equals(name) ? hostile
                        : validId(template, n, fixtures));
                if (bodySchema != null || !path.equals(validPath)) {
                    requests.add(new Request(path, bodySchema == null ? null : "application/json", validBody, null,
                            false));
                }
            }
        }
        // without a body, valid ids could act (pay, rebuild, remove): only hostile ones above
        if (bodySchema == null && !pathParameters.isEmpty()) {
            return requests;
        }
        for (String name : queryParameters) {
            for (String hostile : HOSTILE_QUERY) {
                requests.add(new Request(validPath + "?" + name + "=" + hostile,
                        bodySchema == null ? null : "application/json", bodySchema == null ? null : "{}", null, false));
            }
        }
        if (bodySchema == null) {
            // nothing to be hostile with but the credentials (GET /ping, GET /users/me, DELETE /auth/token)
            for (String authorization : HOSTILE_AUTHORIZATION) {
                requests.add(new Request(validPath, null, null, authorization, true));
            }
            return requests;
        }
        for (String body : HOSTILE_BODIES) {
            requests.add(new Request(validPath, "application/json", body, null, false));
        }
        JsonObject properties = bodySchema.getJsonObject("properties");
        for (String property : properties.keySet()) {
            String type = properties.getJsonObject(property).getString("type", "string");
            for (String hostile : HOSTILE_VALUES.getOrDefault(type, HOSTILE_VALUES.get("string"))) {
                JsonObject valid = valid(bodySchema, contract);
                String body = valid.toString().replace("\"" + property + "\":" + valid.get(property),
                        "\"" + property + "\":" + hostile);
                requests.add(new Request(validPath, "application/json", body, null, false));
            }
        }
        requests.add(new Request(validPath, "text/plain", validBody, null, false));
        requests.add(new Request(validPath, ";;;not a media type", validBody, null, false));
        requests.add(new Request(validPath, "application/json; charset=klingon", validBody, null, false));
        return requests;
    }

    /** A body of the right shape whose every value is still refused (or the fixture ids make it a no-op). */
    private static JsonObject valid(JsonObject schema, JsonObject contract) {
        var body = Json.createObjectBuilder();
        schema.getJsonObject("properties").forEach((name, property) -> {
            JsonObject p = property.asJsonObject();
            switch (p.getString("type", "string")) {
                case "integer" -> body.add(name, -7);
                case "number" -> body.add(name, -7.5);
                case "boolean" -> body.add(name, false);
                default -> body.add(name, p.containsKey("enum") ? "not-" + p.getJsonArray("enum").getString(0)
                        : "fuzz value");
            }
        });
        return body.build();
    }

    private static JsonObject bodySchema(JsonObject operation, JsonObject contract) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return null;
        }
        JsonObject schema = body.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            schema = contract.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
            assertTrue(schema != null, "the contract defines the schema it refers to: " + name);
        }
        return schema;
    }

    private static String validId(String template, String name, Fixtures fixtures) {
        if (name.equals("orderId")) {
            return fixtures.order();
        }
        if (template.startsWith("/api/v1/users")) {
            return Long.toString(fixtures.customer());
        }
        if (template.startsWith("/api/v1/seckill/activities")) {
            return Long.toString(fixtures.activity());
        }
        return Long.toString(fixtures.product());
    }

    private static String fill(String template, List<String> names, java.util.function.Function<String, String> value) {
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", value.apply(name));
        }
        return path;
    }

    private static void check(String what, Http.Reply reply, List<String> violations) {
        if (reply.status() >= 500) {
            violations.add(reply.status() + " " + what + ": " + shorten(reply.body()));
        } else if (reply.status() >= 400) {
            if (!reply.contentType().equals("application/problem+json")) {
                violations.add(reply.status() + " not problem+json (" + reply.contentType() + ") " + what);
            } else if (reply.json().getInt("status", -1) != reply.status()) {
                violations.add(reply.status() + " problem names another status " + what + ": " + reply.body());
            }
        } else if (!what.startsWith("GET ")) { // a read may answer; anything else accepted hostile input
            violations.add(reply.status() + " accepted: " + what + ": " + shorten(reply.body()));
        }
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

    /** A product with stock, a sale, a confirmed order of the customer's, and an open reservation of theirs. */
    private Fixtures fixtures(Http admin, Http customer, Accounts.Account buyer) {
        Activities activities = new Activities(admin);
        long product = activities.product(50);
        long activity = activities.activity(5, 1);
        Http.Reply purchase = customer.post(Activities.purchasePath(activity), Activities.quantity(1));
        assertEquals(202, purchase.status(), purchase.body());
        String order = purchase.json().getString("order_id");
        Await.until("the fixture order confirmed", Duration.ofSeconds(60),
                () -> customer.get("/api/v1/seckill/orders/" + order).json().getString("status"),
                "CONFIRMED"::equals);
        String reservation = "fuzz-" + UUID.randomUUID();
        assertEquals(200, customer.post("/api/v1/products/" + product + "/stock/reserve",
                "{\"quantity\":2,\"order_id\":\"" + reservation + "\"}").status());
        return new Fixtures(product, activity, order, buyer.id(), reservation);
    }

    private Map<String, Object> state(Fixtures fixtures, Http admin) throws SQLException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("product stock", http().get("/api/v1/products/" + fixtures.product() + "/stock").json()
                .getInt("stock"));
        state.put("sale remaining", http().get("/api/v1/seckill/activities/" + fixtures.activity()).json()
                .getInt("remaining"));
        state.put("order status", admin.get("/api/v1/seckill/orders/" + fixtures.order()).json()
                .getString("status"));
        try (Connection db = Database.connect(); Statement statement = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    state.put(table + " rows", rows.getLong(1));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT status FROM stock_reservation WHERE order_id = '"
                    + fixtures.reservation() + "'")) {
                state.put("reservation", row.next() ? row.getString(1) : "gone");
            }
            try (ResultSet row = statement.executeQuery("SELECT role, token_version, disabled_at FROM app_user"
                    + " WHERE id = " + fixtures.customer())) {
                row.next();
                state.put("customer", row.getString(1) + " v" + row.getInt(2) + " " + row.getString(3));
            }
        }
        return state;
    }
}
