package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 403: the token's role may not do this. */
public class AccessDeniedException extends ApiProblemException {

    public AccessDeniedException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
