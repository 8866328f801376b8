package io.flashsale.seckill.application.order;

import io.flashsale.seckill.domain.model.order.RejectionReason;
import jakarta.ejb.ApplicationException;

/** The order writer found a purchase that can never become a confirmed order, and why; the batch is rolled back. */
@ApplicationException(rollback = true)
public class UnwritablePurchaseException extends RuntimeException {

    private final transient RejectionReason reason;

    UnwritablePurchaseException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
