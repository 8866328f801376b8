package io.flashsale.web.auth;

import io.flashsale.user.application.AuthenticationService;
import io.flashsale.user.application.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TokenResource {

    @EJB
    AuthenticationService authentication;

    @POST
    @APIResponse(responseCode = "200", description = "a bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    public Response issue(@NotNull @Valid TokenRequest request) {
        IssuedToken token = authentication.issueToken(request.username(), request.password());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()))
                .cacheControl(noStore)
                .build();
    }
}
