/** Stock reservations: a hold of units for an order, released, settled or expired. */
package io.flashsale.product.domain.model.reservation;
