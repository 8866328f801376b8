package io.flashsale.product.infrastructure.persistence;

import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.CustomerHoldings;
import io.flashsale.product.domain.model.reservation.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Native statements: the row is created with {@code INSERT IGNORE} (two first reservations of a customer do not
 * collide on its key), and the limit is checked by the UPDATE that counts, which holds the row until commit.
 */
@ApplicationScoped
public class JpaCustomerHoldings implements CustomerHoldings {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Override
    public boolean take(CustomerId customer, Quantity units, int limit) {
        em.createNativeQuery("INSERT IGNORE INTO customer_holding (customer_id, held_units) VALUES (?, 0)")
                .setParameter(1, customer.value())
                .executeUpdate();
        return em.createNativeQuery("UPDATE customer_holding SET held_units = held_units + ?"
                        + " WHERE customer_id = ? AND held_units + ? <= ?")
                .setParameter(1, units.value())
                .setParameter(2, customer.value())
                .setParameter(3, units.value())
                .setParameter(4, limit)
                .executeUpdate() == 1;
    }

    @Override
    public void giveBack(CustomerId customer, Quantity units) {
        em.createNativeQuery("UPDATE customer_holding SET held_units = GREATEST(held_units - ?, 0)"
                        + " WHERE customer_id = ?")
                .setParameter(1, units.value())
                .setParameter(2, customer.value())
                .executeUpdate();
    }

    @Override
    public int held(CustomerId customer) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(held_units), 0) FROM customer_holding"
                        + " WHERE customer_id = ?")
                .setParameter(1, customer.value())
                .getSingleResult()).intValue();
    }
}
