package io.flashsale.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The payment provider as the README describes it: signs each callback with the shared secret (HMAC-SHA256 of
 * {@code "<t>." + body}, header {@code Payment-Signature: t=<unix seconds>,v1=<hex>}). Written from the
 * documentation, not from the server's code.
 */
public final class PaymentProvider {

    private final String base;
    private final byte[] secret;

    public PaymentProvider(String base, String secret) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The documented platform's provider: the secret the run command generated under work/secrets. */
    public static PaymentProvider of(Http http) {
        return new PaymentProvider(http.base(),
                PlatformSession.platform().settings().secrets().paymentCallbackSecret());
    }

    public static String body(String orderId, String reference, BigDecimal amount, String outcome) {
        return "{\"order_id\":\"" + orderId + "\",\"payment_reference\":\"" + reference + "\",\"amount\":"
                + amount.toPlainString() + ",\"outcome\":\"" + outcome + "\"}";
    }

    public String signature(String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} with {@code signatureHeader} (null: none) to the callback endpoint. */
    public Http.Reply send(String body, String signatureHeader) {
        return new Http(base).post("/api/v1/payments/callback", body, "Payment-Signature", signatureHeader);
    }

    /** A successful payment of the whole amount, signed now. */
    public Http.Reply confirm(String orderId, String reference, BigDecimal amount) {
        String body = body(orderId, reference, amount, "succeeded");
        return send(body, signature(body, Instant.now()));
    }
}
