/** The seckill order and its state machine (pending, confirmed, paid, cancelled, rejected); the purchase event. */
package io.flashsale.seckill.domain.model.order;
