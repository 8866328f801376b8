package io.flashsale.web.system;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Does nothing: for load balancers, and the "no-op endpoint" ceiling the benchmarks compare against. */
@Path("/ping")
@ApplicationScoped
public class PingResource {

    @GET
    @APIResponse(responseCode = "204", description = "the instance answers HTTP")
    @Operation(operationId = "ping", summary = "Liveness of the API itself (no dependency touched)")
    public Response ping() {
        return Response.noContent().build();
    }
}
