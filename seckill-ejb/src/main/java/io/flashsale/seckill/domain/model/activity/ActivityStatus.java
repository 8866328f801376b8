package io.flashsale.seckill.domain.model.activity;

public enum ActivityStatus { SCHEDULED, ACTIVE, SOLD_OUT, ENDED }
