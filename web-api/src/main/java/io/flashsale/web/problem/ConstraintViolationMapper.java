package io.flashsale.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

/** Bean Validation failures on request bodies and parameters: 400 with one entry per violated constraint. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        return Problem.of(400, "invalid-input", "Bad Request", "the request is not valid")
                .with("violations", violations)
                .toResponse();
    }

    /** The last node of the property path in snake_case, as clients spell it ("order_id", not "arg2.orderId"). */
    private static String field(ConstraintViolation<?> violation) {
        String last = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Path.Node::getName)
                .filter(Objects::nonNull) // a class-level constraint's node has no name: the object's own path
                .reduce((first, second) -> second)
                .orElse("");
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
