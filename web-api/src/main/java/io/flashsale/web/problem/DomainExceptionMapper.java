package io.flashsale.web.problem;

import io.flashsale.shared.domain.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.concurrent.CompletionException;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return answer(e);
    }

    /**
     * How an asynchronous endpoint answers the failure of its stage: a business rule's no as problem+json, anything
     * else rethrown for the other mappers.
     */
    public static Response answerFailure(Throwable failed) {
        Throwable cause = failed instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failed;
        if (cause instanceof DomainException answer) {
            return answer(answer);
        }
        throw failed instanceof CompletionException wrapped ? wrapped : new CompletionException(failed);
    }

    /** The problem+json answer to a business rule's no; also used by asynchronous endpoints directly. */
    public static Response answer(DomainException e) {
        Response.Status status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
        Problem problem = Problem.of(status.getStatusCode(), e.type(), status.getReasonPhrase(), e.getMessage())
                .with(e.details());
        Response.ResponseBuilder response = problem.toResponseBuilder();
        switch (e.kind()) {
            case RATE_LIMITED, UNAVAILABLE -> response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            case UNAUTHENTICATED -> response.header("WWW-Authenticate", "Bearer");
            default -> { }
        }
        return response.build();
    }
}
