package io.flashsale.web.auth;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.flashsale.user.application.AuthenticationService;
import io.flashsale.user.application.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.servlet.http.HttpServletRequest;
import io.flashsale.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TokenResource {

    // @EJB: a session bean of an EJB module of the EAR (this is the WAR); EJB references resolve across modules
    @EJB
    AuthenticationService authentication;

    @POST
    @APIResponse(responseCode = "200", description = "a bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "TokenResponse")))
    @Operation(operationId = "issueToken", summary = "Sign in: trade a username and password for a bearer token")
    public Response issue(@NotNull @Valid TokenRequest request, @Context HttpServletRequest connection) {
        // the peer's address: behind a proxy that is the proxy's, and the throttle then counts per proxy
        IssuedToken token = authentication.issueToken(request.username(), request.password(),
                connection.getRemoteAddr());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()))
                .cacheControl(noStore)
                .build();
    }

    /** A logout: the token this request carries is refused from now on (the user's other tokens stay valid). */
    @DELETE
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "the presented token is revoked")
    @Operation(operationId = "revokeToken", summary = "Sign out: the presented token is refused from now on")
    public Response revoke(@Context HttpServletRequest connection) {
        VerifiedToken token = (VerifiedToken) connection.getAttribute(VerifiedToken.ATTRIBUTE);
        if (token == null) {
            throw new NotAuthorizedException("Bearer");
        }
        authentication.revoke(token.tokenId(), token.expiresAt());
        return Response.noContent().build();
    }
}
