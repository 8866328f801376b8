package io.flashsale.web.auth;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Set;

/**
 * The authenticated user of a request, as its verified bearer token says: {@code sub} is the user id, {@code upn}
 * the username, {@code groups} the roles. No database is asked.
 */
public record Caller(long userId, String username, Set<String> roles) implements Principal {

    /** The request attribute (a JAX-RS request property) under which {@link BearerTokenFilter} leaves the caller. */
    static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller of an endpoint that declares {@code @RolesAllowed}, so it was authenticated before it ran. */
    public static Caller of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException("Bearer");
    }
}
