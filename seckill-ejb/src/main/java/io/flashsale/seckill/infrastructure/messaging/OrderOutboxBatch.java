package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxBatch;
import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import javax.sql.DataSource;
import java.time.Instant;

/** One relay batch of the order outbox to topic seckill.orders, in its own transaction. */
@Stateless
@LocalBean // its no-interface view is what the relay injects
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OrderOutboxBatch implements OutboxBatch {

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Inject
    @Channel("seckill-orders-out")
    Emitter<String> emitter;

    @Resource(lookup = "jdbc/flashsale")
    DataSource database;

    /** One purge statement in its own transaction (see {@link OutboxRelayer#purge}). */
    @Override
    public int purgeSent(Instant publishedBefore) {
        return OutboxRelayer.purgeSent(database, "seckill_outbox", publishedBefore);
    }

    @Override
    public int relayNext() {
        return OutboxRelayer.relayNext(em, OrderOutboxMessage.class, "seckill_outbox", emitter);
    }
}
