package io.flashsale.client.problem;

import io.flashsale.client.model.Problem;

import java.time.Duration;

/** 409 already-purchased: the buyer has an order in this sale already, {@link #orderId()}. */
public class AlreadyPurchasedException extends BusinessRuleException {

    public AlreadyPurchasedException(Problem problem, Duration retryAfter) {
        super(problem, retryAfter);
    }

    public String orderId() {
        return problem().orderId();
    }
}
