package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.seckill.application.port.OrderEvents;
import io.flashsale.seckill.domain.model.order.OrderEvent;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Transactional outbox, for the same reason as the product context's (see StockOutboxEvents). */
@ApplicationScoped
public class OrderOutboxEvents implements OrderEvents {

    @PersistenceContext(unitName = "seckill")
    EntityManager em;

    @Override
    public void confirmed(SeckillOrder order) {
        record(OrderEvent.CONFIRMED, order);
    }

    @Override
    public void paid(SeckillOrder order) {
        record(OrderEvent.PAID, order);
    }

    @Override
    public void cancelled(SeckillOrder order) {
        record(OrderEvent.CANCELLED, order);
    }

    @Override
    public void rejected(SeckillOrder order) {
        record(OrderEvent.REJECTED, order);
    }

    private void record(String type, SeckillOrder order) {
        Instant now = Instant.now();
        OrderEvent event = new OrderEvent(OutgoingEvent.newEventId(), order.orderId().value(), order.activityId(),
                order.userId(), order.quantity(), order.price(), order.status().name(), now);
        em.persist(new OrderOutboxMessage(OutgoingEvent.of(event.orderId(), type, event.eventId(), now, event)));
    }
}
