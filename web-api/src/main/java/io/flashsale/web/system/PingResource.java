package io.flashsale.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Does nothing: for load balancers, and the "no-op endpoint" ceiling the benchmarks compare against. */
@Path("/ping")
@ApplicationScoped
public class PingResource {

    @GET
    public Response ping() {
        return Response.noContent().build();
    }
}
