package io.flashsale.client;

import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.Token;
import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;

/** Sign in and out. */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/auth/token")
public interface TokenApi {

    @POST
    Token issueToken(Credentials credentials);

    /** The token this client sends is refused from now on. */
    @DELETE
    void revokeToken();
}
