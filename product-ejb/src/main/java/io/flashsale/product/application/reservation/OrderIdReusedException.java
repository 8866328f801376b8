package io.flashsale.product.application.reservation;

import io.flashsale.shared.domain.DomainException;

public class OrderIdReusedException extends DomainException {

    public OrderIdReusedException(String orderId) {
        super(Kind.CONFLICT, "order-id-reused",
                "order_id " + orderId + " already holds a reservation of another product or quantity");
    }
}
