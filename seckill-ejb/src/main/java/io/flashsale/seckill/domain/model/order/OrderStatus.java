package io.flashsale.seckill.domain.model.order;

/**
 * PENDING while only Redis knows the purchase; REJECTED when the order writer could not make it durable (the hold is
 * released and the buyer may buy again). CONFIRMED and PAID hold units; CANCELLED and REJECTED do not.
 */
public enum OrderStatus { PENDING, CONFIRMED, REJECTED, PAID, CANCELLED }
