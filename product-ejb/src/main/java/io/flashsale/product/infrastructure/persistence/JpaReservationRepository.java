package io.flashsale.product.infrastructure.persistence;

import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationRepository;
import io.flashsale.product.domain.model.reservation.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaReservationRepository implements ReservationRepository {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return Optional.ofNullable(em.find(Reservation.class, id.value()));
    }

    @Override
    public Optional<Reservation> findForUpdate(ReservationId id) {
        return Optional.ofNullable(em.find(Reservation.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(Reservation reservation) {
        em.persist(reservation);
    }

    @Override
    public List<ReservationId> expiredBefore(Instant now, int max) {
        return em.createQuery("SELECT r.orderId FROM Reservation r WHERE r.status = :open AND r.expiresAt <= :now"
                        + " ORDER BY r.expiresAt", String.class)
                .setParameter("open", ReservationStatus.RESERVED)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultStream().map(ReservationId::new).toList();
    }

    @Override
    public int deleteEndedBefore(Instant before, int max) {
        // released_at is set exactly when a reservation ends; an open one (RESERVED) has none
        return em.createNativeQuery("DELETE FROM stock_reservation WHERE released_at < ? AND STATUS <> 'RESERVED'"
                        + " ORDER BY released_at LIMIT ?")
                .setParameter(1, Timestamp.from(before))
                .setParameter(2, max)
                .executeUpdate();
    }
}
