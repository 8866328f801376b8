package io.flashsale.client;

import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.RoleChange;
import io.flashsale.client.model.User;
import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;

/** Accounts: anyone signs up as a customer; administrators change roles and delete users. */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/users")
public interface UserApi {

    @POST
    User registerUser(Credentials credentials);

    @GET
    @Path("/me")
    User getCurrentUser();

    @PUT
    @Path("/{id}/role")
    User changeRole(@PathParam("id") long userId, RoleChange change);

    @DELETE
    @Path("/{id}")
    void deleteUser(@PathParam("id") long userId);
}
