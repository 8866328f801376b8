package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 400: the request was refused as it is and changed nothing; {@code problem().violations()} says why. */
public class InvalidInputException extends ApiProblemException {

    public InvalidInputException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
