package io.flashsale.product.infrastructure.messaging;

import io.flashsale.product.application.port.StockEvents;
import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.stock.StockEvent;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Transactional outbox rather than an after-commit observer: the event row commits or rolls back with the stock
 * change, so a crash or a Kafka outage right after the commit cannot lose it ({@link StockOutboxRelay} sends it later,
 * at least once; consumers deduplicate on event_id). An after-commit observer would lose it in that window.
 */
@ApplicationScoped
public class StockOutboxEvents implements StockEvents {

    @PersistenceContext(unitName = "product")
    EntityManager em;

    @Override
    public void reserved(Product product, Reservation reservation) {
        record(StockEvent.RESERVED, product, reservation, reservation.quantity());
    }

    @Override
    public void released(Product product, Reservation reservation, Quantity returned) {
        record(StockEvent.RELEASED, product, reservation, returned);
    }

    private void record(String type, Product product, Reservation reservation, Quantity quantity) {
        Instant now = Instant.now();
        StockEvent event = new StockEvent(OutgoingEvent.newEventId(), product.id().value(), reservation.id().value(),
                quantity.value(), product.stock(), now);
        em.persist(new StockOutboxMessage(OutgoingEvent.of(Long.toString(event.productId()), type, event.eventId(), now,
                event)));
    }
}
