/** Use case: reserving and releasing stock with one of three strategies (pessimistic, optimistic, Redis lock). */
package io.flashsale.product.application.reservation;
