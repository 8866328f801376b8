package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every second, drains the outbox batch by batch, and every minute deletes what was published longer ago than the
 * retention; each batch is its own transaction ({@link StockOutboxBatch}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StockOutboxRelay extends RepeatingSingleton {

    @EJB
    StockOutboxBatch batch;

    /** How long a published row stays in the outbox (for an operator's look back), then it is deleted. */
    @Inject
    @ConfigProperty(name = "flashsale.outbox.retention-hours", defaultValue = "24")
    long retentionHours;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong ticks = new AtomicLong();

    public StockOutboxRelay() {
        super("product outbox relay", Duration.ofSeconds(1));
    }

    @Override
    public void runOnce() {
        OutboxRelayer.drain(running, batch::relayNext, "product_outbox");
        if (ticks.getAndIncrement() % OutboxRelayer.PURGE_EVERY_TICKS == 0) {
            OutboxRelayer.purge(batch::purgeSent, Duration.ofHours(retentionHours), "product_outbox");
        }
    }
}
