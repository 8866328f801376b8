package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of the API, with its problem body. The subclasses name the answers a client handles differently;
 * within one (a 409 says which rule in {@link Problem#type()}) switch on the type.
 */
public class ApiProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ApiProblemException(Problem problem, Duration retryAfter) {
        super(problem.status() + " " + problem.type() + ": "
                + (problem.detail() == null ? problem.title() : problem.detail()));
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public String type() {
        return problem.type();
    }

    /** How long the server asked to wait before trying again (429 and 503 answers). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
