package io.flashsale.product.infrastructure.messaging;

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


/** One relay batch of the product outbox in its own transaction (see {@link OutboxRelayer}). */
@Stateless
@LocalBean // its no-interface view is what the relay injects
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StockOutboxBatch implements OutboxBatch {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Inject
    @Channel("product-stock-out")
    Emitter<String> emitter;

    @Resource(lookup = "jdbc/flashsale")
    DataSource database;

    /** One purge statement in its own transaction (see {@link OutboxRelayer#purge}). */
    @Override
    public int purgeSent(Instant publishedBefore) {
        return OutboxRelayer.purgeSent(database, "product_outbox", publishedBefore);
    }

    @Override
    public int relayNext() {
        return OutboxRelayer.relayNext(em, StockOutboxMessage.class, "product_outbox", emitter);
    }
}
