package io.flashsale.product.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;


/** One relay batch of the product outbox in its own transaction (see {@link OutboxRelayer}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatch {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Inject
    @Channel("product-stock-out")
    Emitter<String> emitter;

    public int relayNext() {
        return OutboxRelayer.relayNext(em, OutboxMessage.class, "product_outbox", emitter);
    }
}
