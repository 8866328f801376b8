package io.flashsale.web.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

import java.security.Principal;
import java.util.Set;

/**
 * The application's Jakarta Security {@link SecurityContext}: the caller {@link BearerTokenFilter} verified for this
 * request. It replaces the server's implementation (a CDI alternative), because Payara checks {@code @RolesAllowed}
 * on JAX-RS resources with a filter of its own that asks this bean for the caller principal on every request, and
 * the server's implementation answered that by parsing the JACC subject, loading absent classes under a class-loader
 * lock: 242 of 256 HTTP workers were blocked there under load. Roles stay declared with {@code @RolesAllowed}.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerTokenSecurityContext implements SecurityContext {

    @Inject
    HttpServletRequest request;

    @Override
    public Principal getCallerPrincipal() {
        return caller();
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        Caller caller = caller();
        return caller != null && type.isInstance(caller) ? Set.of(type.cast(caller)) : Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        Caller caller = caller();
        return caller != null && caller.hasRole(role);
    }

    /** No servlet security constraints are declared: access to web resources is decided by {@code @RolesAllowed}. */
    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        return true;
    }

    /** {@link BearerTokenFilter} verified the token before any role check; here only the outcome is reported. */
    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationParameters parameters) {
        if (request.getAttribute(Caller.ATTRIBUTE) != null) {
            return AuthenticationStatus.SUCCESS;
        }
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null ? AuthenticationStatus.NOT_DONE
                : AuthenticationStatus.SEND_FAILURE;
    }

    private Caller caller() {
        return (Caller) request.getAttribute(Caller.ATTRIBUTE);
    }
}
