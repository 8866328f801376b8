package io.flashsale.seckill.domain.model.order;

import java.util.Optional;

public interface OrderRepository {

    Optional<SeckillOrder> find(OrderId id);

    void store(SeckillOrder order);

    long countByActivity(long activityId);
}
