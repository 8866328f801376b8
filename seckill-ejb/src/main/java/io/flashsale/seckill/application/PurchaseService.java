package io.flashsale.seckill.application;

import io.flashsale.seckill.application.PurchaseOutcomes.Outcome;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityNotActiveException;
import io.flashsale.seckill.domain.model.activity.ActivityStatus;
import io.flashsale.seckill.domain.model.activity.AlreadyPurchasedException;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.activity.PurchaseRateLimitedException;
import io.flashsale.seckill.domain.model.activity.SaleNotReadyException;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache.UndoOutcome;
import io.flashsale.seckill.domain.model.activity.SoldOutException;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The flash-sale hot path, without a database call or a transaction: rate limit, window check and sold-out flag
 * from memory, one Redis script, one awaited Kafka send. A saturated instance sheds load with the bulkhead: at most
 * {@code value} purchases run at once (MP Fault Tolerance, configurable as
 * {@code io.flashsale.seckill.application.PurchaseService/purchase/Bulkhead/value}); the rest get 503 at once instead
 * of queueing until the server collapses.
 */
@ApplicationScoped
public class PurchaseService {

    private static final Logger LOG = Logger.getLogger(PurchaseService.class.getName());

    @Inject
    PurchaseRateLimiter rateLimiter;

    @Inject
    SaleCatalog catalog;

    @Inject
    SeckillStockCache cache;

    @Inject
    PurchaseEvents events;

    @Inject
    PurchaseOutcomes outcomes;

    @Bulkhead(200)
    public PurchaseReceipt purchase(ActivityId activity, long userId, int quantity) {
        try {
            PurchaseReceipt receipt = tryPurchase(activity, userId, quantity);
            outcomes.count(Outcome.ACCEPTED);
            return receipt;
        } catch (SoldOutException e) {
            outcomes.count(Outcome.SOLD_OUT);
            throw e;
        } catch (AlreadyPurchasedException e) {
            outcomes.count(Outcome.ALREADY_PURCHASED);
            throw e;
        } catch (PurchaseRateLimitedException e) {
            outcomes.count(Outcome.RATE_LIMITED);
            throw e;
        } catch (ActivityNotActiveException e) {
            outcomes.count(Outcome.NOT_ACTIVE);
            throw e;
        } catch (ServiceUnavailableException | SaleNotReadyException e) {
            outcomes.count(Outcome.UNAVAILABLE);
            throw e;
        } catch (DomainException e) {
            outcomes.count(Outcome.REJECTED);
            throw e;
        }
    }

    private PurchaseReceipt tryPurchase(ActivityId activity, long userId, int quantity) {
        rateLimiter.admit(userId);
        SaleTerms terms = catalog.terms(activity);
        Instant now = Instant.now();
        var closed = terms.closedReason(now);
        if (closed != null) {
            throw new ActivityNotActiveException(activity, closed);
        }
        if (quantity < 1 || quantity > terms.perUserLimit()) {
            throw new InvalidInputException("quantity must be between 1 and " + terms.perUserLimit());
        }
        if (catalog.soldOut(activity)) {
            catalog.rememberedOrder(activity, userId).ifPresent(order -> {
                throw new AlreadyPurchasedException(activity, order);
            });
            throw new SoldOutException(activity);
        }
        OrderId orderId = OrderId.next();
        PurchaseAttempt attempt = cache.tryPurchase(activity, userId, quantity, terms.perUserLimit(), orderId, now);
        switch (attempt.outcome()) {
            case ACCEPTED -> { }
            case SOLD_OUT -> {
                if (attempt.remaining() == 0) {
                    catalog.markSoldOut(activity);
                }
                throw new SoldOutException(activity);
            }
            case ALREADY_PURCHASED -> {
                catalog.rememberOrder(activity, userId, attempt.existingOrderId());
                throw new AlreadyPurchasedException(activity, attempt.existingOrderId());
            }
            case OVER_LIMIT -> throw new InvalidInputException("quantity must be between 1 and "
                    + terms.perUserLimit());
            case NOT_ON_SALE, PAUSED -> throw new SaleNotReadyException(activity);
            case OUTSIDE_WINDOW -> throw new ActivityNotActiveException(activity,
                    now.isBefore(terms.startsAt()) ? ActivityStatus.SCHEDULED : ActivityStatus.ENDED);
        }
        SeckillPurchase purchase = new SeckillPurchase(OutgoingEvent.newEventId(), orderId.value(), activity.value(),
                userId, quantity, terms.price(), now);
        try {
            events.publish(purchase);
        } catch (RuntimeException sendFailed) {
            compensate(activity, userId, orderId, sendFailed);
        }
        catalog.rememberOrder(activity, userId, orderId.value());
        return new PurchaseReceipt(orderId.value(), "PENDING");
    }

    /** Undo the Redis step, unless the order writer already claimed the purchase (then it did reach Kafka). */
    private void compensate(ActivityId activity, long userId, OrderId orderId, RuntimeException sendFailed) {
        UndoOutcome undo;
        try {
            undo = cache.undo(activity, userId, orderId, false);
        } catch (RuntimeException undoFailed) {
            LOG.log(Level.SEVERE, "order {0}: Kafka send failed and the Redis undo failed too; reconciliation of"
                    + " activity {1} will show the held units", new Object[] {orderId, activity});
            throw new ServiceUnavailableException("kafka", sendFailed);
        }
        if (undo != UndoOutcome.CLAIMED) {
            throw sendFailed instanceof ServiceUnavailableException unavailable ? unavailable
                    : new ServiceUnavailableException("kafka", sendFailed);
        }
    }
}
