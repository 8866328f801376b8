package io.flashsale.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.function.Supplier;

/**
 * Sends a token from {@code issueToken} on every request of the client it is registered with: always the same one,
 * or, for one client shared by many callers (a back end acting for its users), the one the supplier gives per call.
 */
public class BearerToken implements ClientRequestFilter {

    private final Supplier<String> token;

    public BearerToken(String token) {
        this(() -> token);
    }

    public BearerToken(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.get());
    }
}
