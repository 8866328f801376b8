/** Payment-provider callbacks, recorded once each (idempotency). */
package io.flashsale.seckill.domain.model.payment;
