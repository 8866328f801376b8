package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.seckill.application.OrderWriter;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The order writer's Kafka side. The record is acknowledged (its offset committed) only after this method returns,
 * i.e. after the JTA transaction of {@link OrderWriter#write} committed.
 */
@ApplicationScoped
public class PurchaseEventConsumer {

    @Inject
    OrderWriter orderWriter;

    @Incoming("seckill-purchases-in")
    public void consume(String json) {
        orderWriter.write(JsonFormat.fromJson(json, SeckillPurchase.class));
    }
}
