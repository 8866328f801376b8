package io.flashsale.seckill.application.port;

import io.flashsale.seckill.domain.model.order.SeckillPurchase;

import java.util.concurrent.CompletionStage;

public interface PurchaseEvents {

    /**
     * Sends the event; the stage completes when Kafka acknowledged it, or exceptionally with a
     * ServiceUnavailableException when it was refused or not acknowledged in time. No thread waits meanwhile.
     */
    CompletionStage<Void> publish(SeckillPurchase purchase);
}
