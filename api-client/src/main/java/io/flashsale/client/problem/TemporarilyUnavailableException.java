package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 503: a data service is down or the server sheds load; nothing was taken, try again after {@link #retryAfter()}. */
public class TemporarilyUnavailableException extends ApiProblemException {

    public TemporarilyUnavailableException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
