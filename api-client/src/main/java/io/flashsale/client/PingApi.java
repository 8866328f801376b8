package io.flashsale.client;

import io.flashsale.client.problem.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import jakarta.ws.rs.GET;

/** Whether the API answers at all (no data service is touched). */
@RegisterRestClient(configKey = "flashsale")
@RegisterProvider(SnakeCaseJson.class)
@RegisterProvider(ProblemExceptionMapper.class)
@Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/ping")
public interface PingApi {

    @GET
    void ping();
}
