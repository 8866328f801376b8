package io.flashsale.shared.infrastructure.messaging;

import io.flashsale.shared.infrastructure.scheduling.RepeatingSingleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay of one outbox table, every second (at once while rows are left): relays it batch by batch, and every few
 * quiet runs deletes what was published longer ago than the retention. A context's relay is a
 * {@code @Singleton @Startup} subclass naming its table and handing each batch to its own {@code REQUIRES_NEW} bean
 * (its persistence unit and Kafka channel); the runs themselves are outside any transaction (declared here, so that it
 * covers the inherited {@link #runOnce}).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class OutboxRelay extends RepeatingSingleton {

    /** How long a published row stays in the outbox (for an operator's look back), then it is deleted. */
    @Inject
    @ConfigProperty(name = "flashsale.outbox.retention-hours", defaultValue = "24")
    long retentionHours;

    private final String table;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong ticks = new AtomicLong();
    private volatile boolean rowsLeft;

    protected OutboxRelay(String jobName, String table) {
        super(jobName, Duration.ofSeconds(1));
        this.table = table;
    }

    /** The context's bean that relays and purges one batch of this table. */
    protected abstract OutboxBatch batch();

    @Override
    public void runOnce() {
        rowsLeft = OutboxRelayer.relay(running, () -> batch().relayNext(), table);
        if (!rowsLeft && ticks.getAndIncrement() % OutboxRelayer.PURGE_EVERY_TICKS == 0) {
            OutboxRelayer.purge(before -> batch().purgeSent(before), Duration.ofHours(retentionHours), table);
        }
    }

    @Override
    protected boolean leftWork() {
        return rowsLeft;
    }
}
