package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 401: no, an expired, a revoked or a wrong token, or wrong credentials. */
public class UnauthenticatedException extends ApiProblemException {

    public UnauthenticatedException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
