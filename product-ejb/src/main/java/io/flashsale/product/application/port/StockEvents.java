package io.flashsale.product.application.port;

import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.Reservation;

/** Records StockReserved / StockReleased in the current transaction; they reach Kafka only if it commits. */
public interface StockEvents {

    void reserved(Product product, Reservation reservation);

    void released(Product product, Reservation reservation, Quantity returned);
}
