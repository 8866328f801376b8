package io.flashsale.client;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds the API's clients where CDI does not inject them (Java SE, or per caller in a server): {@code base} is the
 * server's root, e.g. {@code http://127.0.0.1:8080}.
 */
public final class FlashSaleClients {

    private FlashSaleClients() {
    }

    /** A client for the public operations (sign-up, sign-in, catalogue, sales). */
    public static <T> T anonymous(Class<T> api, URI base) {
        return builder(base).build(api);
    }

    /** A client that acts as the holder of {@code token}. */
    public static <T> T signedIn(Class<T> api, URI base, String token) {
        return builder(base).register(new BearerToken(token)).build(api);
    }

    /**
     * One client for many callers: each request carries the token {@code token} supplies at that moment (e.g. the
     * caller's, from the request being served). Building a client costs far more than a call; share it.
     */
    public static <T> T signedIn(Class<T> api, URI base, Supplier<String> token) {
        return builder(base).register(new BearerToken(token)).build(api);
    }

    /** Bounded waits: a hung server is an error after 30 s, not a thread lost for ever. */
    private static RestClientBuilder builder(URI base) {
        return RestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS);
    }
}
