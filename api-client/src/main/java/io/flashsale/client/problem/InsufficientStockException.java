package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 409 insufficient-stock: fewer units than asked for are left, {@link #available()}. */
public class InsufficientStockException extends BusinessRuleException {

    public InsufficientStockException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }

    public int available() {
        return problem().available() == null ? 0 : problem().available();
    }
}
