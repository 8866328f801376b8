package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.KafkaTopics;
import io.flashsale.it.support.PaymentProvider;
import io.flashsale.it.support.Activities;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.flashsale.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order is paid on the payment provider's signed word or an administrator's, never on the buyer's: the attacks
 * of the security review (forged, unsigned, stale, replayed and mismatched callbacks; a buyer paying by saying so).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class PaymentConfirmationHttpIT {

    private static final String INVALID = "/problems/invalid-signature";
    private static final String MISMATCH = "/problems/payment-mismatch";
    private static final BigDecimal PRICE = new BigDecimal("1.99"); // Sales' sale price


    final URL base = PlatformSession.serverUrl();

    private Http http() {
        return new Http(base.toString());
    }

    @Test
    void theBuyerOnlyStartsAPaymentAndOnlyTheProvidersSignedCallbackCompletesIt() {
        Http buyer = http().as(new Accounts(http()).newCustomer().token());
        String order = confirmedOrder(buyer, 2);

        Http.Reply started = buyer.post(pay(order));
        assertEquals(202, started.status(), started.body());
        JsonObject payment = started.json();
        assertEquals("CONFIRMED", payment.getString("status"), "starting a payment pays nothing");
        assertEquals(0, PRICE.multiply(BigDecimal.valueOf(2)).compareTo(payment.getJsonNumber("amount")
                .bigDecimalValue()));
        String reference = payment.getString("payment_reference");
        assertEquals(reference, buyer.post(pay(order)).json().getString("payment_reference"),
                "asking again starts nothing new");
        assertEquals("CONFIRMED", status(buyer, order));

        PaymentProvider provider = PaymentProvider.of(http());
        PaymentProvider forger = new PaymentProvider(http().base(), "not-the-shared-secret-but-just-as-long-000");
        BigDecimal amount = PRICE.multiply(BigDecimal.valueOf(2));
        String body = PaymentProvider.body(order, reference, amount, "succeeded");
        assertProblem(401, provider.send(body, null));
        assertProblem(401, forger.send(body, forger.signature(body, Instant.now())));
        // a captured callback is refused once it is older than the tolerance; the signature covers the body
        assertProblem(401, INVALID, provider.send(body, provider.signature(body, Instant.now().minusSeconds(600))));
        assertProblem(401, INVALID, provider.send(body.replace("succeeded", "failed"), provider.signature(body,
                Instant.now())));
        assertProblem(401, provider.send(body, "t=1,v1=zz"));
        assertEquals("CONFIRMED", status(buyer, order));

        assertProblem(409, MISMATCH, provider.confirm(order, reference, amount.subtract(BigDecimal.ONE)));
        assertProblem(409, MISMATCH, provider.confirm(order, "pay_0123456789abcdef0123456789abcdef", amount));
        assertEquals("CONFIRMED", status(buyer, order));
        String failed = PaymentProvider.body(order, reference, amount, "failed");
        assertEquals("CONFIRMED", provider.send(failed, provider.signature(failed, Instant.now())).json()
                .getString("status"), "a failed payment leaves the order unpaid");

        String signature = provider.signature(body, Instant.now());
        Http.Reply paid = provider.send(body, signature);
        assertEquals(200, paid.status(), paid.body());
        assertEquals("PAID", paid.json().getString("status"));
        Http.Reply replayed = provider.send(body, signature);
        assertProblem(409, replayed);
        assertEquals("/problems/callback-replayed", replayed.json().getString("type"));
        // the provider's own retry is signed anew (a later timestamp): answered, idempotently
        assertEquals(200, provider.send(body, provider.signature(body, Instant.now().plusSeconds(2))).status());
        assertEquals("PAID", status(buyer, order));
        assertEquals(List.of("OrderConfirmed", "OrderPaid"), KafkaTopics.read("seckill.orders", order, 2,
                Duration.ofSeconds(30)).stream().map(KafkaTopics.Event::type).toList(), "paid once");
    }

    @Test
    void anAdministratorConfirmsAPaymentAndNoOtherCustomerCanTouchTheOrder() {
        Http buyer = http().as(new Accounts(http()).newCustomer().token());
        Http other = http().as(new Accounts(http()).newCustomer().token());
        String order = confirmedOrder(buyer, 1);

        assertProblem(404, other.post(pay(order)));
        Http.Reply confirmed = new Accounts(http()).admin().post(pay(order));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("PAID", confirmed.json().getString("status"));
        assertEquals("PAID", status(buyer, order));
        Http.Reply afterPaid = buyer.post(pay(order));
        assertEquals(202, afterPaid.status());
        assertEquals("PAID", afterPaid.json().getString("status"));
    }

    private String confirmedOrder(Http buyer, int units) {
        long activity = new Activities(new Accounts(http()).admin()).activity(5, 2);
        Http.Reply accepted = buyer.post(Activities.purchasePath(activity), Activities.quantity(units));
        assertEquals(202, accepted.status(), accepted.body());
        String order = accepted.json().getString("order_id");
        Await.until("the order confirmed", Duration.ofSeconds(60), () -> status(buyer, order),
                "CONFIRMED"::equals);
        return order;
    }

    private static String status(Http caller, String order) {
        return caller.get("/api/v1/seckill/orders/" + order).json().getString("status");
    }

    private static String pay(String order) {
        return "/api/v1/seckill/orders/" + order + "/pay";
    }
}
