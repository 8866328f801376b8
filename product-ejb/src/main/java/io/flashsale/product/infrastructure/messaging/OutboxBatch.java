package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.KafkaEventSender;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the oldest pending outbox rows to topic product.stock and marks them published once Kafka acked them
 * (acks=all), in one transaction. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances never send the
 * same batch at once; if Kafka fails, the transaction rolls back and the rows stay pending.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatch {

    static final int SIZE = 500;

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Inject
    @Channel("product-stock-out")
    Emitter<String> emitter;

    @SuppressWarnings("unchecked")
    public int relayNext() {
        List<Number> ids = em.createNativeQuery("SELECT id FROM product_outbox WHERE published_at IS NULL"
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, SIZE)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> keys = ids.stream().map(Number::longValue).toList();
        List<OutboxMessage> messages = em.createQuery(
                        "select m from OutboxMessage m where m.id in :ids order by m.id", OutboxMessage.class)
                .setParameter("ids", keys)
                .getResultList();
        CompletableFuture<?>[] acks = messages.stream()
                .map(m -> KafkaEventSender.send(emitter, new OutgoingEvent(m.key(), m.eventType(), m.eventId(),
                        m.occurredAt(), m.payload())).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not ack the outbox batch", e);
        }
        em.createQuery("update OutboxMessage m set m.publishedAt = :now where m.id in :ids")
                .setParameter("now", Instant.now())
                .setParameter("ids", keys)
                .executeUpdate();
        return ids.size();
    }
}
