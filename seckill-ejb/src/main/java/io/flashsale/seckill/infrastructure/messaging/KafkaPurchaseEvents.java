package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.seckill.application.port.PurchaseEvents;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.infrastructure.messaging.KafkaEventSender;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class KafkaPurchaseEvents implements PurchaseEvents {

    @Inject
    @Channel("seckill-purchases-out")
    Emitter<String> emitter;

    @Inject
    @ConfigProperty(name = "flashsale.kafka.send-timeout-millis", defaultValue = "3000")
    long sendTimeoutMillis;

    @Override
    public CompletionStage<Void> publish(SeckillPurchase purchase) {
        OutgoingEvent event = OutgoingEvent.of(purchase.orderId(), SeckillPurchase.TYPE, purchase.eventId(),
                purchase.occurredAt(), purchase);
        return KafkaEventSender.send(emitter, event, Duration.ofMillis(sendTimeoutMillis));
    }
}
