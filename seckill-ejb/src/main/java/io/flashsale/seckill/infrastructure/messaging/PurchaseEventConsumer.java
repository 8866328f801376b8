package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.seckill.application.order.OrderLifecycleService;
import io.flashsale.seckill.application.order.OrderWriter;
import io.flashsale.seckill.application.order.UnwritablePurchaseException;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.RejectionReason;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.infrastructure.json.JsonFormat;
import io.flashsale.shared.infrastructure.persistence.SqlErrors;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The order writer's Kafka side. Records arrive in batches (channel option {@code batch=true}) and are acknowledged,
 * i.e. their offsets committed, only after this method returns, which is after the JTA transaction of
 * {@link OrderWriter#write} committed. While MySQL or Redis is down, or MySQL reports a lock wait timeout or a
 * deadlock, the batch is retried until it goes through (no later purchase could be written either). A purchase that
 * fails on its own, after bounded attempts, becomes a REJECTED order with its hold released (the buyer sees it and
 * may buy again); only a record that cannot be read at all goes to the dead-letter topic.
 */
@ApplicationScoped
public class PurchaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(PurchaseEventConsumer.class.getName());

    @Inject
    OrderWriter orderWriter;

    @Inject
    OrderLifecycleService lifecycle;

    @Inject
    PurchaseDeadLetters deadLetters;

    @Inject
    @Metric(name = "seckill_order_writer_retries_total", absolute = true,
            description = "Writes the order writer retried after a transient failure (a data service away, a lock"
                    + " wait timeout, a deadlock)")
    Counter retries;

    @Inject
    @ConfigProperty(name = "flashsale.order-writer.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "flashsale.order-writer.retry-backoff-millis", defaultValue = "1000")
    long backoffMillis;

    /**
     * Off the Vert.x event loop the connector delivers on (JTA transactions and retry pauses block), on the
     * {@code order-writer} worker pool: one Kafka consumer per partition and as many batches written at once
     * ({@code flashsale.kafka.topics.partitions} in microprofile-config.properties), so one is prepared while another
     * waits for MySQL; their order does not matter (each purchase is its own order, idempotent on its id), and each
     * partition's offsets are committed only up to its oldest batch not yet written.
     */
    @Incoming("seckill-purchases-in")
    @Blocking(value = "order-writer", ordered = false)
    public void consume(List<String> records) {
        List<SeckillPurchase> purchases = new ArrayList<>(records.size());
        for (String json : records) {
            try {
                purchases.add(JsonFormat.fromJson(json, SeckillPurchase.class));
            } catch (RuntimeException unreadable) {
                deadLetters.send(json, unreadable);
            }
        }
        while (true) {
            try {
                orderWriter.write(purchases);
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    writeOneByOne(purchases);
                    return;
                }
                LOG.log(Level.WARNING, "order writer: transient failure ({0}); retrying the batch of {1}",
                        new Object[] {e.toString(), purchases.size()});
                retries.inc();
                pause();
            }
        }
    }

    private void writeOneByOne(List<SeckillPurchase> purchases) {
        for (SeckillPurchase purchase : purchases) {
            for (int attempt = 1; ; attempt++) {
                try {
                    orderWriter.write(List.of(purchase));
                    break;
                } catch (RuntimeException e) {
                    if (isTransient(e)) {
                        retries.inc();
                        attempt = 0;
                    } else if (e instanceof UnwritablePurchaseException || attempt >= maxAttempts) {
                        reject(purchase, e);
                        break;
                    }
                    pause();
                }
            }
        }
    }

    /** A REJECTED order with its reason, then its hold released; retried while a data service is away. */
    private void reject(SeckillPurchase purchase, RuntimeException why) {
        RejectionReason reason = why instanceof UnwritablePurchaseException unwritable ? unwritable.reason()
                : SqlErrors.isUniqueViolation(why) ? RejectionReason.BUYER_HAS_LIVE_ORDER : RejectionReason.UNWRITABLE;
        LOG.log(Level.WARNING, "order writer: purchase " + purchase.orderId() + " rejected (" + reason.code() + ")",
                why);
        while (true) {
            try {
                if (orderWriter.reject(purchase, reason)) {
                    releaseHold(purchase);
                }
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    deadLetters.send(JsonFormat.toJson(purchase), e); // not even a rejection can be recorded
                    return;
                }
                pause();
            }
        }
    }

    /** At once if Redis answers; otherwise housekeeping releases it (the order stays marked until then). */
    private void releaseHold(SeckillPurchase purchase) {
        try {
            lifecycle.releaseInCache(new OrderId(purchase.orderId()));
        } catch (RuntimeException later) {
            LOG.log(Level.INFO, "order writer: hold of rejected order {0} released later: {1}",
                    new Object[] {purchase.orderId(), later.toString()});
        }
    }

    /** Worth retrying the same write: a data service is down, or MySQL gave up a lock wait or broke a deadlock. */
    private static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain && domain.kind() == DomainException.Kind.UNAVAILABLE) {
                return true;
            }
        }
        return SqlErrors.isConnectionFailure(e) || SqlErrors.isLockContention(e);
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(backoffMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the order writer waited to retry", e);
        }
    }
}
