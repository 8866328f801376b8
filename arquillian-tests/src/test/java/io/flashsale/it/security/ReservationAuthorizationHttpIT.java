package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.Activities;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The attacks on reservations from the security review, each as a customer would make it over HTTP: releasing
 * another customer's reservation, releasing through another product, replaying someone else's order id, releasing a
 * flash sale's own reservation (oversell), and one customer holding a product's whole stock for ever.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ReservationAuthorizationHttpIT {

    /** {@code flashsale.stock.reservation.max-held-units-per-customer}'s default. */
    private static final int HELD_UNITS_LIMIT = 50;


    final URL base = PlatformSession.serverUrl();

    private Http http() {
        return new Http(base.toString());
    }

    private Http admin() {
        return new Accounts(http()).admin();
    }

    private Http newCustomer() {
        return http().as(new Accounts(http()).newCustomer().token());
    }

    @Test
    void aCustomerCannotReleaseAnotherCustomersReservationButAnAdministratorCan() {
        Http owner = newCustomer();
        Http thief = newCustomer();
        long product = new Activities(admin()).product(10);
        String orderId = UUID.randomUUID().toString();
        assertEquals(200, owner.post(reserve(product), reservation(3, orderId)).status());

        assertProblem(404, thief.post(release(product), orderIdJson(orderId)));
        assertEquals(7, stock(product), "the thief's release changed nothing");

        JsonObject released = admin().post(release(product), orderIdJson(orderId)).json();
        assertEquals(3, released.getInt("released_quantity"));
        assertEquals(10, stock(product));
    }

    @Test
    void theProductInThePathMustBeTheReservations() {
        Http customer = newCustomer();
        long product = new Activities(admin()).product(10);
        long other = new Activities(admin()).product(10);
        String orderId = UUID.randomUUID().toString();
        assertEquals(200, customer.post(reserve(product), reservation(2, orderId)).status());

        assertProblem(404, customer.post(release(other), orderIdJson(orderId)));
        assertEquals(8, stock(product));
        assertEquals(10, stock(other));
        assertEquals(2, customer.post(release(product), orderIdJson(orderId)).json().getInt("released_quantity"));
    }

    @Test
    void anotherCustomerCannotReplayAnOrderIdNorCanAnEndedReservationBeReplayed() {
        Http owner = newCustomer();
        Http other = newCustomer();
        long product = new Activities(admin()).product(10);
        String orderId = UUID.randomUUID().toString();
        assertEquals(200, owner.post(reserve(product), reservation(2, orderId)).status());

        Http.Reply replayed = other.post(reserve(product), reservation(2, orderId));
        assertProblem(409, replayed);
        assertEquals("/problems/order-id-reused", replayed.json().getString("type"));
        assertEquals(8, stock(product));

        assertEquals(200, owner.post(release(product), orderIdJson(orderId)).status());
        Http.Reply afterRelease = owner.post(reserve(product), reservation(2, orderId));
        assertProblem(409, afterRelease);
        assertEquals("/problems/order-id-reused", afterRelease.json().getString("type"));
        assertEquals(10, stock(product), "a released reservation does not come back");
        assertEquals(0, owner.post(release(product), orderIdJson(orderId)).json().getInt("released_quantity"),
                "released once");
    }

    @Test
    void aFlashSalesReservationIsNotReachableOverHttpEvenForAnAdministrator() {
        Http admin = admin();
        Activities activities = new Activities(admin);
        long product = activities.product(20);
        activities.activity(product, 15, 1, null);
        // the sale's reservation id is public: it is the order_id of the product's first stock event
        String saleReservation = Json.createReader(new StringReader(KafkaTopics.read("product.stock",
                Long.toString(product), 1, Duration.ofSeconds(60)).get(0).value())).readObject().getString("order_id");

        assertProblem(404, newCustomer().post(release(product), orderIdJson(saleReservation)));
        assertProblem(404, admin.post(release(product), orderIdJson(saleReservation)));
        assertProblem(409, newCustomer().post(reserve(product), reservation(15, saleReservation)));
        assertEquals(5, stock(product), "the sale's 15 units stay out of the product's stock");
    }

    @Test
    void aCustomerHoldsAtMostTheLimitAcrossProductsUntilReleasing() {
        Http customer = newCustomer();
        long first = new Activities(admin()).product(1000);
        long second = new Activities(admin()).product(1000);
        String big = UUID.randomUUID().toString();
        assertEquals(200, customer.post(reserve(first), reservation(HELD_UNITS_LIMIT - 1, big)).status());

        Http.Reply over = customer.post(reserve(second), reservation(2, UUID.randomUUID().toString()));
        assertProblem(409, over);
        assertEquals("/problems/reservation-limit", over.json().getString("type"));
        assertEquals(1000, stock(second), "refused before any unit moved");
        assertEquals(200, customer.post(reserve(second), reservation(1, UUID.randomUUID().toString())).status());
        assertProblem(409, customer.post(reserve(first), reservation(1000, UUID.randomUUID().toString())));

        assertEquals(200, customer.post(release(first), orderIdJson(big)).status());
        assertEquals(200, customer.post(reserve(second), reservation(2, UUID.randomUUID().toString())).status());
        assertEquals(200, newCustomer().post(reserve(first), reservation(HELD_UNITS_LIMIT, UUID.randomUUID()
                .toString())).status(), "the limit is per customer");
    }

    @Test
    void anUnreleasedReservationExpiresAndItsUnitsComeBack() {
        Http customer = newCustomer();
        long product = new Activities(admin()).product(10);
        String orderId = UUID.randomUUID().toString();
        Http.Reply reserved = customer.post(reserve(product), "{\"quantity\":4,\"order_id\":\"" + orderId
                + "\",\"hold_seconds\":1}");
        assertEquals(200, reserved.status(), reserved.body());
        Instant expiresAt = Instant.parse(reserved.json().getString("expires_at"));
        assertFalse(expiresAt.isAfter(Instant.now().plusSeconds(2)), "held for the second asked");
        assertEquals(6, stock(product));

        Await.until("the expired reservation's units back in stock", Duration.ofSeconds(30),
                () -> stock(product), stock -> stock == 10);
        assertEquals(0, customer.post(release(product), orderIdJson(orderId)).json().getInt("released_quantity"),
                "an expired reservation gives its units back once");
        assertEquals(10, stock(product));
        assertProblem(409, customer.post(reserve(product), reservation(4, orderId)));

        String defaultHold = customer.post(reserve(product), reservation(1, UUID.randomUUID().toString())).json()
                .getString("expires_at");
        assertFalse(Instant.parse(defaultHold).isAfter(Instant.now().plusSeconds(900)), "at most the configured hold");
        assertProblem(400, customer.post(reserve(product), "{\"quantity\":1,\"order_id\":\"" + UUID.randomUUID()
                + "\",\"hold_seconds\":0}"));
        assertProblem(400, customer.post(reserve(product), "{\"quantity\":1,\"order_id\":\"" + UUID.randomUUID()
                + "\",\"hold_seconds\":901}"));
    }

    private int stock(long product) {
        return http().get("/api/v1/products/" + product + "/stock").json().getInt("stock");
    }

    private static String reserve(long product) {
        return "/api/v1/products/" + product + "/stock/reserve";
    }

    private static String release(long product) {
        return "/api/v1/products/" + product + "/stock/release";
    }

    private static String reservation(int quantity, String orderId) {
        return "{\"quantity\":" + quantity + ",\"order_id\":\"" + orderId + "\"}";
    }

    private static String orderIdJson(String orderId) {
        return "{\"order_id\":\"" + orderId + "\"}";
    }
}
