package io.flashsale.seckill.application.port;

import io.flashsale.seckill.domain.model.order.SeckillOrder;

/**
 * Records OrderConfirmed / OrderPaid / OrderCancelled / OrderRejected in the current transaction; they reach Kafka if
 * it commits.
 */
public interface OrderEvents {

    void confirmed(SeckillOrder order);

    void paid(SeckillOrder order);

    void cancelled(SeckillOrder order);

    void rejected(SeckillOrder order);
}
