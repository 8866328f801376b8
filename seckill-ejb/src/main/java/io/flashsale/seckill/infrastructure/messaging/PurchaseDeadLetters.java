package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.KafkaEventSender;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Topic seckill.purchases.dlq: the purchases the order writer gave up on, with why, for a person to look at. */
@ApplicationScoped
public class PurchaseDeadLetters {

    private static final Logger LOG = Logger.getLogger(PurchaseDeadLetters.class.getName());

    @Inject
    @Channel("seckill-purchases-dlq-out")
    Emitter<String> emitter;

    @Inject
    @Metric(name = "seckill_purchases_dead_lettered_total", absolute = true,
            description = "Purchase messages the order writer could not write and sent to seckill.purchases.dlq")
    Counter deadLettered;

    /**
     * Returns once Kafka acknowledged it, retrying meanwhile: the purchase's own record is acknowledged only after
     * this returns, so it is never lost between the two topics.
     */
    public void send(String record, Throwable why) {
        LOG.log(Level.SEVERE, "order writer: dead-lettering a purchase after {0}", why.toString());
        OutgoingEvent event = new OutgoingEvent("dead-letter", "DeadLetter:" + why.getClass().getSimpleName(),
                OutgoingEvent.newEventId(), Instant.now(), record);
        while (true) {
            try {
                KafkaEventSender.sendAndAwait(emitter, event, Duration.ofSeconds(10));
                deadLettered.inc();
                return;
            } catch (RuntimeException kafkaDown) {
                LOG.log(Level.WARNING, "dead-letter send failed, retrying: {0}", kafkaDown.toString());
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }
}
