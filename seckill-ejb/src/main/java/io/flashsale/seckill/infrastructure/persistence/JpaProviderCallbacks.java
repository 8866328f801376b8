package io.flashsale.seckill.infrastructure.persistence;

import io.flashsale.seckill.domain.model.payment.ProviderCallback;
import io.flashsale.seckill.domain.model.payment.ProviderCallbacks;
import io.flashsale.shared.infrastructure.persistence.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

@ApplicationScoped
public class JpaProviderCallbacks implements ProviderCallbacks {

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public boolean recordFirst(ProviderCallback callback, String signature) {
        if (em.find(ProviderCallback.class, signature) != null) {
            return false;
        }
        try {
            em.persist(callback);
            em.flush(); // two deliveries at once: the second fails here, on the key
            return true;
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
