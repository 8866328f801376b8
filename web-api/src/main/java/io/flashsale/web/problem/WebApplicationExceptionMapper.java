package io.flashsale.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own answers (unknown path, wrong method, unsupported media type...) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        // a 401 here is an anonymous request to an endpoint with @RolesAllowed (bad tokens are refused earlier)
        String detail = status.getStatusCode() == 401 ? "a bearer token is required (Authorization: Bearer <token>)"
                : e.getMessage();
        Response.ResponseBuilder response = Problem.of(status.getStatusCode(), slug, status.getReasonPhrase(), detail)
                .toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (status.getStatusCode() == 401 && !original.getHeaders().containsKey("WWW-Authenticate")) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
