package io.flashsale.shared.infrastructure.messaging;

import java.time.Instant;

/**
 * One batch of a context's outbox table, each call in a transaction of its own: a {@code REQUIRES_NEW} session bean
 * of the context, which alone knows its persistence unit and Kafka channel.
 */
public interface OutboxBatch {

    /** Sends the next batch of pending rows; returns how many it sent. */
    int relayNext();

    /** Deletes up to {@link OutboxRelayer#PURGE_BATCH} rows published before then. */
    int purgeSent(Instant publishedBefore);
}
