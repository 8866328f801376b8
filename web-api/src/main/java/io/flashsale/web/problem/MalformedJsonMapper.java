package io.flashsale.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not of the expected shape (a string where a number belongs...). */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return Problem.of(400, "malformed-json", "Bad Request", "the request body is not valid JSON of the "
                + "expected shape").toResponse();
    }
}
