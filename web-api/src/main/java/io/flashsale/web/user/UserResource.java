package io.flashsale.web.user;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.core.SecurityContext;
import io.flashsale.web.auth.Caller;
import io.flashsale.user.application.UserQueryService;
import io.flashsale.user.application.UserAdministrationService;
import io.flashsale.user.domain.model.Role;
import io.flashsale.shared.domain.NotFoundException;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
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

    // @EJB: a session bean of an EJB module of the EAR (this is the WAR); EJB references resolve across modules
    @EJB
    UserRegistrationService registration;

    @EJB
    UserQueryService accounts;

    @EJB
    UserAdministrationService administration;


    @POST
    @APIResponse(responseCode = "201", description = "signed up as a CUSTOMER",
            headers = @Header(name = "Location", description = "the new account (/users/me)",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "UserResponse")))
    @Operation(operationId = "registerUser", summary = "Sign up as a customer")
    public Response register(@NotNull @Valid RegistrationRequest request, @Context UriInfo uri) {
        UserView user = registration.registerCustomer(request.username(), request.password());
        return Response.created(uri.getAbsolutePathBuilder().path("me").build()).entity(UserResponse.of(user)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getCurrentUser", summary = "The caller's own account")
    public UserResponse me(@Context SecurityContext security) {
        return UserResponse.of(accounts.find(new UserId(Caller.of(security).userId())));
    }

    /** Takes effect at once: the user's earlier tokens, which carry the old role, are refused from now on. */
    @PUT
    @Path("/{id}/role")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "the user with the new role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "UserResponse")))
    @Operation(operationId = "changeRole", summary = "Make a user a customer or an administrator (administrators)")
    public UserResponse changeRole(@PathParam("id") long id, @NotNull @Valid RoleChangeRequest request,
                                   @Context SecurityContext security) {
        return UserResponse.of(administration.changeRole(userId(id), Role.valueOf(request.role()),
                new UserId(Caller.of(security).userId())));
    }

    /** The account can no longer log in and its tokens are refused at once; its orders are kept. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "the account is removed")
    @Operation(operationId = "deleteUser", summary = "Delete a user (administrators)")
    public Response remove(@PathParam("id") long id, @Context SecurityContext security) {
        administration.remove(userId(id), new UserId(Caller.of(security).userId()));
        return Response.noContent().build();
    }

    private static UserId userId(long id) {
        if (id <= 0) {
            throw new NotFoundException("user", id);
        }
        return new UserId(id);
    }
}
