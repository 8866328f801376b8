package io.flashsale.product.application.reservation;

import jakarta.ejb.ApplicationException;

/** An optimistic attempt lost the version race; its transaction is rolled back and it may be retried. */
@ApplicationException(rollback = true)
class StaleProductException extends RuntimeException {
}
