package io.flashsale.it.contract;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.OrderApi;
import io.flashsale.client.PaymentCallbackApi;
import io.flashsale.client.PingApi;
import io.flashsale.client.ProductApi;
import io.flashsale.client.ActivityApi;
import io.flashsale.client.TokenApi;
import io.flashsale.client.UserApi;
import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.NewProduct;
import io.flashsale.client.model.NewActivity;
import io.flashsale.client.model.Order;
import io.flashsale.client.model.Payment;
import io.flashsale.client.model.Product;
import io.flashsale.client.model.ProductPage;
import io.flashsale.client.model.Purchase;
import io.flashsale.client.model.PurchaseAccepted;
import io.flashsale.client.model.Reconciliation;
import io.flashsale.client.model.Release;
import io.flashsale.client.model.Reservation;
import io.flashsale.client.model.RoleChange;
import io.flashsale.client.model.Activity;
import io.flashsale.client.model.StockRelease;
import io.flashsale.client.model.StockReservation;
import io.flashsale.client.model.Token;
import io.flashsale.client.model.User;
import io.flashsale.client.problem.AccessDeniedException;
import io.flashsale.client.problem.AlreadyPurchasedException;
import io.flashsale.client.problem.InvalidInputException;
import io.flashsale.client.problem.ResourceNotFoundException;
import io.flashsale.client.problem.SoldOutException;
import io.flashsale.client.problem.UnauthenticatedException;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.NothingSecretLogged;
import io.flashsale.it.support.PaymentProvider;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole flash sale through the typed client, every operation of the API once or more and the typed errors a
 * client handles: sign-up, sign-in, the catalogue, a reservation, a sale, purchases until sold out, the order, its
 * payment, administration, sign-out. Driven at {@code base}: the server itself, or a proxy in front of it.
 */
final class ActivityWalkthrough {

    private final URI base;

    ActivityWalkthrough(URI base) {
        this.base = base;
    }

    void run() {
        FlashSaleClients.anonymous(PingApi.class, base).ping();

        Credentials alice = newCustomer();
        User signedUp = FlashSaleClients.anonymous(UserApi.class, base).registerUser(alice);
        assertEquals("CUSTOMER", signedUp.role());
        Token token = FlashSaleClients.anonymous(TokenApi.class, base).issueToken(alice);
        assertEquals("Bearer", token.tokenType());
        assertTrue(token.expiresIn() > 0);
        assertEquals(signedUp, FlashSaleClients.signedIn(UserApi.class, base, token.accessToken()).getCurrentUser());
        String admin = adminToken();

        // the catalogue
        ProductApi catalogue = FlashSaleClients.signedIn(ProductApi.class, base, admin);
        Product product = catalogue.createProduct(new NewProduct("Typed lamp", null, new BigDecimal("12.50"), 10));
        assertNull(product.description());
        assertEquals(product, FlashSaleClients.anonymous(ProductApi.class, base).getProduct(product.id()));
        assertEquals(10, catalogue.getStock(product.id()).stock());
        ProductPage first = catalogue.listProducts(null, null);
        assertEquals(20, first.size());
        ProductPage last = catalogue.listProducts((int) ((first.total() - 1) / 100), 100);
        assertTrue(last.items().contains(product), "the newest product is on the last page");
        ProductPage afterNewest = catalogue.listProductsAfter(product.id() - 1, 100);
        assertEquals(product, afterNewest.items().get(0), "listed after the id before it, the newest comes first");
        assertNull(afterNewest.total(), "no table counted");

        // a reservation, idempotent on the caller's order id, and its release
        ProductApi shopper = FlashSaleClients.signedIn(ProductApi.class, base, token.accessToken());
        String orderId = UUID.randomUUID().toString();
        Reservation held = shopper.reserveStock(product.id(), "pessimistic", new StockReservation(2, orderId, 60));
        assertEquals(8, held.remainingStock());
        assertNotNull(held.expiresAt());
        assertEquals(held, shopper.reserveStock(product.id(), "optimistic", new StockReservation(2, orderId, 60)));
        Release released = shopper.releaseStock(product.id(), new StockRelease(orderId));
        assertEquals(new Release(orderId, 2, 10), released);

        // a sale of 2 units, one per buyer
        ActivityApi activities = FlashSaleClients.signedIn(ActivityApi.class, base, admin);
        Instant now = Instant.now();
        Activity sale = activities.createActivity(new NewActivity(product.id(), new BigDecimal("9.99"), 2, 1, now.minusSeconds(1),
                now.plusSeconds(3600), null));
        assertEquals(2, FlashSaleClients.anonymous(ActivityApi.class, base).getActivity(sale.id()).remaining());

        ActivityApi buyer = FlashSaleClients.signedIn(ActivityApi.class, base, token.accessToken());
        InvalidInputException zero = assertThrows(InvalidInputException.class,
                () -> buyer.purchase(sale.id(), new Purchase(0)));
        assertEquals("quantity", zero.problem().violations().get(0).field());
        PurchaseAccepted accepted = buyer.purchase(sale.id(), new Purchase(1));
        assertEquals("PENDING", accepted.status());
        AlreadyPurchasedException again = assertThrows(AlreadyPurchasedException.class,
                () -> buyer.purchase(sale.id(), new Purchase(1)));
        assertEquals(accepted.orderId(), again.orderId());

        OrderApi orders = FlashSaleClients.signedIn(OrderApi.class, base, token.accessToken());
        Order confirmed = Await.until("the order is durable", Duration.ofSeconds(30),
                () -> orders.getOrder(accepted.orderId()), order -> order.status().equals("CONFIRMED"));
        assertEquals(new BigDecimal("9.99"), confirmed.price());

        // its payment: the buyer starts it, the provider confirms it
        Payment payment = orders.startPayment(accepted.orderId());
        assertEquals(new BigDecimal("9.99"), payment.amount());
        String callback = PaymentProvider.body(payment.orderId(), payment.paymentReference(), payment.amount(),
                "succeeded");
        Order paid = FlashSaleClients.anonymous(PaymentCallbackApi.class, base)
                .paymentCallback(provider().signature(callback, Instant.now()), callback);
        assertEquals("PAID", paid.status());

        // the last unit, then sold out
        for (int buyers = 0; buyers < 2; buyers++) {
            Credentials next = newCustomer();
            FlashSaleClients.anonymous(UserApi.class, base).registerUser(next);
            ActivityApi another = FlashSaleClients.signedIn(ActivityApi.class, base,
                    FlashSaleClients.anonymous(TokenApi.class, base).issueToken(next).accessToken());
            if (buyers == 0) {
                another.purchase(sale.id(), new Purchase(1));
            } else {
                assertThrows(SoldOutException.class, () -> another.purchase(sale.id(), new Purchase(1)));
            }
        }
        Reconciliation books = Await.until("the sale's books settle", Duration.ofSeconds(30),
                () -> activities.getReconciliation(sale.id()), r -> r.pendingOrders() == 0);
        assertEquals(0, books.redisRemaining());
        assertEquals(0, books.driftUnits());
        assertEquals(0, activities.rebuildSaleStock(sale.id()).driftUnits());

        // refusals a client handles by type
        // an id no product has, below 2^53: Prism (JavaScript) reads an int64 beyond that as out of range
        assertThrows(ResourceNotFoundException.class,
                () -> FlashSaleClients.anonymous(ProductApi.class, base).getProduct(1L << 52));
        assertThrows(AccessDeniedException.class, () -> shopper.createProduct(
                new NewProduct("not mine", null, BigDecimal.ONE, 1)));
        assertThrows(UnauthenticatedException.class,
                () -> FlashSaleClients.anonymous(UserApi.class, base).getCurrentUser());

        // administration of accounts
        Credentials bob = newCustomer();
        User staff = FlashSaleClients.anonymous(UserApi.class, base).registerUser(bob);
        UserApi users = FlashSaleClients.signedIn(UserApi.class, base, admin);
        assertEquals("ADMIN", users.changeRole(staff.id(), new RoleChange("ADMIN")).role());
        users.deleteUser(staff.id());
        assertThrows(ResourceNotFoundException.class, () -> users.changeRole(staff.id(), new RoleChange("CUSTOMER")));

        // signing out: the token is refused from then on
        FlashSaleClients.signedIn(TokenApi.class, base, token.accessToken()).revokeToken();
        assertThrows(UnauthenticatedException.class,
                () -> FlashSaleClients.signedIn(UserApi.class, base, token.accessToken()).getCurrentUser());
    }

    private static Credentials newCustomer() {
        return new Credentials("typed-" + UUID.randomUUID().toString().substring(0, 12),
                NothingSecretLogged.remember("pw-" + UUID.randomUUID()));
    }

    /** The first administrator, signed in where this sale is driven (through the proxy, if there is one). */
    private String adminToken() {
        return new Accounts(new Http(base.toString())).admin().bearerToken();
    }

    private PaymentProvider provider() {
        return PaymentProvider.of(new Http(base.toString()));
    }
}
