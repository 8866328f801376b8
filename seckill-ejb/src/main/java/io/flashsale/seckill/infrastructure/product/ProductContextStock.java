package io.flashsale.seckill.infrastructure.product;

import io.flashsale.product.application.reservation.StockReservationService;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.seckill.application.port.ProductStock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link ProductStock} through the product context's own service, in the caller's JTA transaction: the only place
 * the seckill context knows the product context's types.
 */
@ApplicationScoped
public class ProductContextStock implements ProductStock {

    // @EJB, not @Inject: a session bean of another EJB module of the EAR; the container resolves EJB references across
    // modules, CDI leaves bean visibility between the modules' bean archives to the implementation
    @EJB
    StockReservationService reservations;

    @Override
    public void reserveForActivity(long productId, String reservationId, int units) {
        reservations.reserveForSale(new ProductId(productId), new ReservationId(reservationId), units);
    }

    @Override
    public void settle(String reservationId, int soldUnits) {
        reservations.settle(new ReservationId(reservationId), soldUnits);
    }
}
