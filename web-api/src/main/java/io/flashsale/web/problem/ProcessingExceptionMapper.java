package io.flashsale.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey wraps body-reading failures (malformed JSON among them) in ProcessingException. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException) {
                return new MalformedJsonMapper().toResponse(new JsonbException(cause.getMessage(), cause));
            }
        }
        return unexpected.toResponse(e);
    }
}
