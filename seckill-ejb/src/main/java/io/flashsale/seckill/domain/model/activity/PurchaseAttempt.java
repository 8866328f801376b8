package io.flashsale.seckill.domain.model.activity;

/** What the stock cache said to one purchase attempt. */
public record PurchaseAttempt(Outcome outcome, int remaining, String existingOrderId) {

    public enum Outcome { ACCEPTED, SOLD_OUT, ALREADY_PURCHASED, OVER_LIMIT, NOT_ON_SALE, PAUSED, OUTSIDE_WINDOW }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
