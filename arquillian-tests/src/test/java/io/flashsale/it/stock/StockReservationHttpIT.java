package io.flashsale.it.stock;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.ProductApi;
import io.flashsale.client.model.StockReservation;
import io.flashsale.client.problem.BusinessRuleException;
import io.flashsale.client.problem.InsufficientStockException;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.ClassAdmin;
import io.flashsale.it.support.Database;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.Activities;
import io.flashsale.it.support.KafkaTopics;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stock reservation over HTTP against the deployed EAR, like a real client: contract, errors, events. */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class StockReservationHttpIT {


    final URL base = PlatformSession.serverUrl();

    private static final ClassAdmin ADMIN = new ClassAdmin();
    private static Http customer;

    private Http http() {
        return new Http(base.toString());
    }

    private Http admin() {
        return ADMIN.get();
    }

    private Http customer() {
        if (customer == null) {
            customer = http().as(new Accounts(http()).newCustomer().token());
        }
        return customer;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "optimistic", "redis-lock"})
    void hundredConcurrentClientsOverHttpGetExactlyTheTenUnits(String strategy) throws Exception {
        long product = createProduct(10);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(clients.submit(() -> reserveRetryingContention(product, UUID.randomUUID().toString(), 1,
                    strategy)));
        }
        int reserved = 0;
        int insufficient = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get(5, TimeUnit.MINUTES);
            if (status == 200) {
                reserved++;
            } else if (status == 409) {
                insufficient++;
            }
        }
        clients.shutdown();

        assertEquals(10, reserved);
        assertEquals(90, insufficient);
        assertEquals(0, stock(product));
    }

    @Test
    void productIsCreatedListedAndItsStockRead() {
        Http.Reply created = admin().post("/api/v1/products",
                "{\"name\":\"Lamp\",\"description\":\"desk lamp\",\"price\":12.50,\"stock\":7}");
        assertEquals(201, created.status(), created.body());
        JsonObject product = created.json();
        long id = product.getJsonNumber("id").longValue();
        assertEquals("Lamp", product.getString("name"));
        assertEquals(7, product.getInt("stock"));

        JsonObject stock = http().get("/api/v1/products/" + id + "/stock").json();
        assertEquals(id, stock.getJsonNumber("product_id").longValue());
        assertEquals(7, stock.getInt("stock"));

        // listed by id: the newest product is on the last page, however many other tests created before
        long total = http().get("/api/v1/products?page=0&size=1").json().getJsonNumber("total").longValue();
        assertEquals(productsInDatabase(), total, "every product counted");
        JsonObject page = http().get("/api/v1/products?page=" + (total - 1) / 100 + "&size=100").json();
        assertTrue(page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getJsonNumber("id").longValue() == id));
        assertEquals(400, http().get("/api/v1/products?size=0").status());
        assertEquals(400, http().get("/api/v1/products?page=").status(), "an empty page is no whole number");
        assertEquals(400, http().get("/api/v1/products?page=abc").status());

        // after a product id: the whole catalogue walked by id, each page one index range from where the last ended
        List<Long> walked = new ArrayList<>();
        String next = "0";
        while (next != null) {
            JsonObject keyset = http().get("/api/v1/products?after=" + next + "&size=100").json();
            assertFalse(keyset.containsKey("total"), "no table counted: " + keyset.keySet());
            keyset.getJsonArray("items").getValuesAs(JsonObject.class)
                    .forEach(p -> walked.add(p.getJsonNumber("id").longValue()));
            next = keyset.containsKey("next_after") ? keyset.get("next_after").toString() : null;
        }
        assertEquals(productsInDatabase(), walked.size(), "every product once");
        assertEquals(walked.stream().sorted().distinct().toList(), walked, "by id, none twice");
        assertTrue(walked.contains(id));
        JsonObject firstHundred = http().get("/api/v1/products?page=0&size=100").json();
        if (walked.size() >= 100) {
            assertEquals(walked.get(99), firstHundred.getJsonNumber("next_after").longValue(),
                    "a full numbered page says where to go on");
        } else {
            assertFalse(firstHundred.containsKey("next_after"), "the only page is the last");
        }
        assertEquals(400, http().get("/api/v1/products?after=-1").status());
        assertEquals(400, http().get("/api/v1/products?after=abc").status());
        assertEquals(400, http().get("/api/v1/products?page=1&after=5").status(), "page and after are exclusive");
    }

    @Test
    void reservationIsIdempotentOnOrderIdAndReleasedOnceWithEvents() {
        long product = createProduct(5);
        String orderId = UUID.randomUUID().toString();
        String body = "{\"quantity\":2,\"order_id\":\"" + orderId + "\"}";

        Http.Reply first = customer().post(reservePath(product, "pessimistic"), body);
        Http.Reply again = customer().post(reservePath(product, "optimistic"), body);

        assertEquals(200, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        JsonObject reservation = first.json();
        assertEquals(orderId, reservation.getString("order_id"));
        assertEquals(product, reservation.getJsonNumber("product_id").longValue());
        assertEquals(2, reservation.getInt("quantity"));
        assertEquals(3, reservation.getInt("remaining_stock"));
        assertEquals("pessimistic", reservation.getString("strategy"));
        assertEquals("pessimistic", again.json().getString("strategy"), "the same reservation, not a new one");
        assertEquals(3, stock(product), "deducted once");

        String release = "{\"order_id\":\"" + orderId + "\"}";
        JsonObject released = customer().post("/api/v1/products/" + product + "/stock/release", release).json();
        assertEquals(2, released.getInt("released_quantity"));
        assertEquals(5, released.getInt("remaining_stock"));
        assertEquals(200, customer().post("/api/v1/products/" + product + "/stock/release", release).status());
        assertEquals(5, stock(product), "released once");
        assertEquals(404, customer().post("/api/v1/products/" + product + "/stock/release",
                "{\"order_id\":\"never-reserved\"}").status());

        List<KafkaTopics.Event> events = KafkaTopics.read("product.stock", Long.toString(product), 2,
                Duration.ofSeconds(60));
        assertEquals(List.of("StockReserved", "StockReleased"), events.stream().map(KafkaTopics.Event::type)
                .toList());
        assertEquals(2, new HashSet<>(events.stream().map(KafkaTopics.Event::eventId).toList()).size());
        events.forEach(event -> {
            assertNotNull(OffsetDateTime.parse(event.timestamp()), "RFC 3339 timestamp header");
            assertTrue(event.value().contains("\"order_id\":\"" + orderId + "\""), event.value());
            assertTrue(event.value().contains("\"event_id\":\"" + event.eventId() + "\""), event.value());
        });
        assertTrue(events.get(0).value().contains("\"remaining_stock\":3"), events.get(0).value());
        assertTrue(events.get(1).value().contains("\"remaining_stock\":5"), events.get(1).value());
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        long product = createProduct(4);
        String reserve = reservePath(product, "pessimistic");
        String ok = UUID.randomUUID().toString();
        assertProblem(400, customer().post(reserve, "{\"quantity\":0,\"order_id\":\"" + ok + "\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":-3,\"order_id\":\"" + ok + "\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":1001,\"order_id\":\"" + ok + "\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":1}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":1,\"order_id\":\"not valid!\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":1,\"order_id\":\"" + "x".repeat(65) + "\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":\"one\",\"order_id\":\"" + ok + "\"}"));
        assertProblem(400, customer().post(reserve, "{\"quantity\":1,"));
        assertProblem(400, customer().post(reserve, ""));
        assertProblem(400, customer().post(reservePath(product, "magic"), "{\"quantity\":1,\"order_id\":\"" + ok + "\"}"));
        assertProblem(404, customer().post(reservePath(987654321L, "pessimistic"),
                "{\"quantity\":1,\"order_id\":\"" + ok + "\"}"));
        assertProblem(400, admin().post("/api/v1/products", "{\"name\":\"\",\"price\":1,\"stock\":1}"));
        assertProblem(400, admin().post("/api/v1/products", "{\"name\":\"x\",\"price\":-1,\"stock\":1}"));
        assertProblem(400, admin().post("/api/v1/products", "{\"name\":\"x\",\"price\":1.001,\"stock\":1}"));
        assertProblem(400, admin().post("/api/v1/products", "{\"name\":\"x\",\"price\":1,\"stock\":-1}"));

        Http.Reply insufficient = customer().post(reserve, "{\"quantity\":5,\"order_id\":\"" + ok + "\"}");
        assertProblem(409, insufficient);
        assertEquals("/problems/insufficient-stock", insufficient.json().getString("type"));
        assertEquals(4, insufficient.json().getInt("available"));

        assertEquals(4, stock(product), "nothing changed");
        assertEquals(404, customer().post("/api/v1/products/" + product + "/stock/release",
                "{\"order_id\":\"" + ok + "\"}").status(), "no reservation was stored");
    }


    /** Retries a {@code 409 contention} (as a client would), at most 100 times; 200, or 409 insufficient stock. */
    private int reserveRetryingContention(long product, String orderId, int quantity, String strategy) {
        ProductApi shopper = FlashSaleClients.signedIn(ProductApi.class, base(), customer().bearerToken());
        for (int attempt = 1; attempt <= 100; attempt++) {
            try {
                shopper.reserveStock(product, strategy, new StockReservation(quantity, orderId, null));
                return 200;
            } catch (InsufficientStockException none) {
                return 409;
            } catch (BusinessRuleException refused) {
                assertEquals("/problems/contention", refused.type(), refused.getMessage());
            }
        }
        throw new AssertionError("still contention after 100 attempts: " + strategy + " product " + product);
    }

    private static long productsInDatabase() {
        try (Connection db = Database.connect(); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM product")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long createProduct(int stock) {
        return new Activities(admin()).product(stock);
    }

    private int stock(long product) {
        return FlashSaleClients.anonymous(ProductApi.class, base()).getStock(product).stock();
    }

    private URI base() {
        return URI.create(http().base());
    }

    private static String reservePath(long product, String strategy) {
        return "/api/v1/products/" + product + "/stock/reserve?strategy=" + strategy;
    }
}
