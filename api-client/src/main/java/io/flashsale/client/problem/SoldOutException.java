package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 409 sold-out: the sale has no units left. */
public class SoldOutException extends BusinessRuleException {

    public SoldOutException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }
}
