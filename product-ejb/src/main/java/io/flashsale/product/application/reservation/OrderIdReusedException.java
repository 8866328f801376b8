package io.flashsale.product.application.reservation;

import io.flashsale.shared.domain.DomainException;

/** The order id names a reservation that is not this request's to replay: another product, quantity or customer. */
public class OrderIdReusedException extends DomainException {

    public OrderIdReusedException(String orderId) {
        super(Kind.CONFLICT, "order-id-reused", "order_id " + orderId
                + " already names another reservation (of another product, quantity or customer, or one that ended)");
    }
}
