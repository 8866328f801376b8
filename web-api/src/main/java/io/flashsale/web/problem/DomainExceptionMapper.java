package io.flashsale.web.problem;

import io.flashsale.shared.domain.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Response.Status status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
        Problem problem = Problem.of(status.getStatusCode(), e.type(), status.getReasonPhrase(), e.getMessage())
                .with(e.details());
        Response.ResponseBuilder response = problem.toResponseBuilder();
        if (e.kind() == io.flashsale.shared.domain.DomainException.Kind.UNAVAILABLE) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }
}
