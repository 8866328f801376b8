package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 404: no such resource, or not the caller's. */
public class ResourceNotFoundException extends ApiProblemException {

    public ResourceNotFoundException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
