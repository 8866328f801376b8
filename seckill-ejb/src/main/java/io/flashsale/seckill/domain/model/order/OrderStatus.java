package io.flashsale.seckill.domain.model.order;

public enum OrderStatus { PENDING, CONFIRMED, FAILED, PAID, CANCELLED }
