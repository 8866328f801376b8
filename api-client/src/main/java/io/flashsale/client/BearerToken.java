package io.flashsale.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Sends a token from {@code issueToken} on every request of the client it is registered with. */
public class BearerToken implements ClientRequestFilter {

    private final String token;

    public BearerToken(String token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
