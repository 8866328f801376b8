package io.flashsale.seckill.application;

import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/** Turns accepted purchases into durable orders, once each: Kafka may deliver the same purchase again. */
@Stateless
public class OrderWriter {

    @Inject
    OrderRepository orders;

    @Inject
    @Metric(name = "seckill_orders_written_total", absolute = true,
            description = "Orders the order writer made durable in MySQL")
    Counter written;

    @Inject
    @Metric(name = "seckill_order_duplicates_total", absolute = true,
            description = "Redelivered purchases the order writer recognised and skipped")
    Counter duplicates;

    public boolean write(SeckillPurchase purchase) {
        if (orders.find(new OrderId(purchase.orderId())).isPresent()) {
            duplicates.inc();
            return false;
        }
        orders.store(SeckillOrder.confirm(purchase));
        written.inc();
        return true;
    }
}
