package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 429: rate-limited or locked out for a while; see {@link #retryAfter()}. */
public class TooManyRequestsException extends ApiProblemException {

    public TooManyRequestsException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
