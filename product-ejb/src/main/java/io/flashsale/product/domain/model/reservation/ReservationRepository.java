package io.flashsale.product.domain.model.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ReservationRepository {

    Optional<Reservation> find(ReservationId id);

    /** Reads the row with a write lock, so a concurrent release of the same order waits. */
    Optional<Reservation> findForUpdate(ReservationId id);

    void store(Reservation reservation);

    /** Open customer reservations whose hold ended before {@code now}, oldest first. */
    List<ReservationId> expiredBefore(Instant now, int max);

    /** Deletes up to {@code max} reservations that ended (released, expired, settled) before {@code before}. */
    int deleteEndedBefore(Instant before, int max);
}
