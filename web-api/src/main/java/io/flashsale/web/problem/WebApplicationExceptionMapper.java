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
        int code = status.getStatusCode();
        // a status without a standard name (422, 499...) still gets a type and a title
        String title = status.getReasonPhrase() == null || status.getReasonPhrase().isBlank() ? "HTTP " + code
                : status.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        // a 401 here is an anonymous request to an endpoint with @RolesAllowed (bad tokens are refused earlier);
        // a server error's message may describe internals: it is not echoed
        String detail = code == 401 ? "a bearer token is required (Authorization: Bearer <token>)"
                : code >= 500 ? null : e.getMessage();
        Response.ResponseBuilder response = Problem.of(code, slug, title, detail).toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (code == 401 && !original.getHeaders().containsKey("WWW-Authenticate")) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
