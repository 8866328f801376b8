package io.flashsale.seckill.application.purchase;

/** How the purchase endpoint answered, as counted in {@code seckill_purchases_total{outcome}}. */
public enum PurchaseAnswer { ACCEPTED, SOLD_OUT, ALREADY_PURCHASED, RATE_LIMITED, UNAVAILABLE, NOT_ACTIVE, REJECTED }
