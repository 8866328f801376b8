package io.flashsale.web.auth;

import io.flashsale.user.application.port.TokenRevocations;
import io.flashsale.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>}: the token is verified in memory (no
 * database, no container lookup) and its caller becomes the request's JAX-RS {@link SecurityContext}. A request
 * without a token stays anonymous, and {@code @RolesAllowed} turns it away with 401; a token that does not verify is
 * answered 401 here, whatever the endpoint.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    BearerTokenVerifier verifier;

    @Inject
    TokenRevocations revocations;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return;
        }
        try {
            VerifiedToken token = verifier.verify(authorization.substring(SCHEME.length()).trim());
            Caller caller = token.caller();
            if (revocations.isRevoked(caller.userId(), token.version(), token.tokenId())) {
                throw new InvalidTokenException("bearer token revoked", null);
            }
            request.setProperty(VerifiedToken.ATTRIBUTE, token);
            request.setProperty(Caller.ATTRIBUTE, caller);
            request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
        } catch (InvalidTokenException e) {
            request.abortWith(Problem.of(401, "unauthorized", "Unauthorized",
                            "a valid bearer token is required (missing, expired, revoked, tampered or not ours)")
                    .toResponseBuilder()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build());
        }
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
