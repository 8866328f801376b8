package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Duration;
import java.util.List;

/** Turns every error answer (a problem+json body, or none from a proxy) into the matching typed exception. */
public class ProblemExceptionMapper implements ResponseExceptionMapper<ApiProblemException> {

    /** Errors come as RFC 9457 problems; the clients accept them besides JSON. */
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final MediaType PROBLEM = MediaType.valueOf(PROBLEM_JSON);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ApiProblemException toThrowable(Response response) {
        Problem problem = problemOf(response);
        Duration retryAfter = retryAfter(response.getHeaderString("Retry-After"));
        return switch (response.getStatus()) {
            case 400 -> new InvalidInputException(problem, retryAfter);
            case 401 -> new UnauthenticatedException(problem, retryAfter);
            case 403 -> new AccessDeniedException(problem, retryAfter);
            case 404 -> new ResourceNotFoundException(problem, retryAfter);
            case 409 -> switch (problem.type()) {
                case "/problems/sold-out" -> new SoldOutException(problem, retryAfter);
                case "/problems/already-purchased" -> new AlreadyPurchasedException(problem, retryAfter);
                case "/problems/insufficient-stock" -> new InsufficientStockException(problem, retryAfter);
                default -> new BusinessRuleException(problem, retryAfter);
            };
            case 429 -> new TooManyRequestsException(problem, retryAfter);
            case 503 -> new TemporarilyUnavailableException(problem, retryAfter);
            default -> new ApiProblemException(problem, retryAfter);
        };
    }

    private static Problem problemOf(Response response) {
        MediaType type = response.getMediaType();
        if (type != null && (type.isCompatible(PROBLEM) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            try {
                Problem problem = response.readEntity(Problem.class);
                if (problem != null && problem.type() != null) {
                    return problem;
                }
            } catch (ProcessingException notAProblem) {
                // a body that is no problem: described by its status below
            }
        }
        Response.StatusType status = response.getStatusInfo();
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                "no problem body (" + response.getHeaderString(HttpHeaders.CONTENT_TYPE) + ")", null, null, List.of());
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException httpDate) {
            return null; // this API sends seconds; an HTTP date would come from something in between
        }
    }
}
