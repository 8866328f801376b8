package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

@Stateless
public class OrderQueryService {

    @Inject
    OrderRepository orders;

    public Optional<OrderView> find(OrderId id) {
        return orders.find(id).map(OrderView::of);
    }

    public long countByActivity(long activityId) {
        return orders.countByActivity(activityId);
    }
}
