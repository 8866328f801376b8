package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.activity.ActivityCache;
import io.flashsale.seckill.application.activity.ActivityTerms;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.OrderStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Reads only: no JTA transaction is begun for them (an order read by id is one primary-key SELECT). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrderQueryService {

    @Inject
    OrderRepository orders;

    @Inject
    StockLedger ledger;

    @Inject
    ActivityCache activityCache;

    /**
     * From MySQL, from the archive (a sale settled long ago), or PENDING while only Redis knows it (accepted, still
     * on its way through Kafka).
     */
    public Optional<OrderView> find(OrderId id) {
        return orders.find(id).or(() -> orders.findArchived(id)).map(OrderView::of).or(() -> pending(id));
    }

    public long countByActivity(ActivityId activity) {
        return orders.countByActivity(activity);
    }

    public List<OrderId> cancelledWithCacheReleasePending(int limit) {
        return orders.cancelledWithCacheReleasePending(limit);
    }

    private Optional<OrderView> pending(OrderId id) {
        for (ActivityId activity : activityCache.mayHavePendingOrders()) {
            var held = ledger.held(activity, id);
            if (held.isPresent()) {
                ActivityTerms terms = activityCache.terms(activity);
                return held.map(h -> new OrderView(id.value(), activity.value(), h.userId(), h.quantity(),
                        terms.price(), OrderStatus.PENDING.name(), h.acceptedAt(), null));
            }
        }
        return Optional.empty();
    }
}
