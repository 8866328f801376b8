package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 409: a business rule said no; {@link #type()} says which (e.g. {@code /problems/contention}). */
public class BusinessRuleException extends ApiProblemException {

    public BusinessRuleException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
