package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.order.SeckillPurchase;

public interface PurchaseEvents {

    /** Returns once Kafka acknowledged the event; throws ServiceUnavailableException otherwise. */
    void publish(SeckillPurchase purchase);
}
