package io.flashsale.web.payment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The payment provider's signature on a callback: header {@code Payment-Signature: t=<unix seconds>,v1=<hex>}, where
 * {@code v1} is HMAC-SHA256, keyed with the shared secret, of {@code "<t>." + body}. A signature older or newer than
 * the tolerance is refused, so a captured callback cannot be replayed later; within it, the payment service refuses a
 * signature it has seen.
 */
public final class CallbackSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final Duration tolerance;

    public CallbackSignature(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** The verified signature (its hex digest, the callback's identity); empty when missing, wrong or stale. */
    public Optional<String> verify(String header, byte[] body, Instant now) {
        if (header == null || header.length() > 256) {
            return Optional.empty();
        }
        Long timestamp = null;
        String digest = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
                digest = pair[1];
            }
        }
        if (timestamp == null || digest == null
                || Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return Optional.empty();
        }
        byte[] expected = sign(timestamp, body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(digest)) ? Optional.of(digest)
                : Optional.empty();
    }

    /** The header a provider sends for {@code body} at {@code at} (what the provider side and the tests compute). */
    public String header(byte[] body, Instant at) {
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(sign(at.getEpochSecond(), body));
    }

    private byte[] sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
