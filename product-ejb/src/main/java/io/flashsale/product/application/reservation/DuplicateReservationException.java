package io.flashsale.product.application.reservation;

import jakarta.ejb.ApplicationException;

/** A concurrent request with the same order id won the insert; the caller answers with that reservation. */
@ApplicationException(rollback = true)
class DuplicateReservationException extends RuntimeException {
}
