package io.flashsale.web.user;

import jakarta.ws.rs.core.SecurityContext;
import io.flashsale.web.auth.Caller;
import io.flashsale.user.application.UserAccountService;
import io.flashsale.user.application.UserRegistrationService;
import io.flashsale.user.application.UserView;
import io.flashsale.user.domain.model.UserId;
import io.flashsale.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UserResource {

    @EJB
    UserRegistrationService registration;

    @EJB
    UserAccountService accounts;


    @POST
    @APIResponse(responseCode = "201", description = "signed up as a CUSTOMER",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    public Response register(@NotNull @Valid RegistrationRequest request, @Context UriInfo uri) {
        UserView user = registration.registerCustomer(request.username(), request.password());
        return Response.created(uri.getAbsolutePathBuilder().path("me").build()).entity(UserResponse.of(user)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    public UserResponse me(@Context SecurityContext security) {
        return UserResponse.of(accounts.find(new UserId(Caller.of(security).userId())));
    }
}
