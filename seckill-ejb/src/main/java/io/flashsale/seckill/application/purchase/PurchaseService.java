package io.flashsale.seckill.application.purchase;

import io.flashsale.seckill.application.activity.ActivityCache;
import io.flashsale.seckill.application.activity.ActivityTerms;
import io.flashsale.seckill.application.port.PurchaseEvents;
import io.flashsale.seckill.application.port.StockLedger.UndoOutcome;
import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityNotActiveException;
import io.flashsale.seckill.domain.model.activity.ActivityNotReadyException;
import io.flashsale.seckill.domain.model.activity.ActivityStatus;
import io.flashsale.seckill.domain.model.activity.AlreadyPurchasedException;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.activity.PurchaseRateLimitedException;
import io.flashsale.seckill.domain.model.activity.PurchasesOverloadedException;
import io.flashsale.seckill.domain.model.activity.SoldOutException;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.SeckillPurchase;
import io.flashsale.seckill.infrastructure.concurrent.CallbackExecutor;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.messaging.OutgoingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The flash-sale hot path, without a database call or a transaction: rate limit, window check and sold-out flag
 * from memory, one Redis script, one Kafka send whose acknowledgement completes the answer. No thread waits for
 * Kafka: the HTTP worker is free as soon as the send is handed over, and the answer is written when the broker
 * acknowledged (or the send failed and the Redis step was undone).
 *
 * <p>A saturated instance sheds load instead of queueing until it collapses: at most
 * {@code flashsale.seckill.purchase.max-in-flight} purchases are in flight at once, from the rate limit to Kafka's
 * answer (a slow broker piles them up: the HTTP workers do not bound them, as they are free during the wait); one
 * more is turned away at once, 503 {@code overloaded}. A semaphore, not MP Fault Tolerance's {@code @Bulkhead}, which
 * Payara did not apply to CDI beans of EJB modules (see {@code Pbkdf2PasswordHasher}).
 */
@ApplicationScoped
public class PurchaseService {

    private static final Logger LOG = Logger.getLogger(PurchaseService.class.getName());

    @Inject
    PurchaseRateLimiter rateLimiter;

    @Inject
    ActivityCache activityCache;

    @Inject
    StockLedger ledger;

    @Inject
    PurchaseEvents events;

    @Inject
    PurchaseAnswers answers;

    /** Runs what follows Kafka's answer (a Redis undo may block): never on the Kafka client's own thread. */
    @Inject
    CallbackExecutor executor;

    @Inject
    @ConfigProperty(name = "flashsale.seckill.purchase.max-in-flight", defaultValue = "2000")
    int maxInFlight;

    private Semaphore inFlight;

    @PostConstruct
    void bound() {
        inFlight = new Semaphore(maxInFlight);
    }

    /**
     * The stage completes with the receipt once Kafka acknowledged the purchase, or exceptionally with the
     * {@link DomainException} that answers it (sold out, already purchased, unavailable...).
     */
    public CompletionStage<PurchaseReceipt> purchase(ActivityId activity, long userId, int quantity) {
        if (!inFlight.tryAcquire()) {
            answers.count(PurchaseAnswer.UNAVAILABLE);
            return CompletableFuture.failedFuture(new PurchasesOverloadedException());
        }
        CompletionStage<PurchaseReceipt> answered;
        try {
            SeckillPurchase held;
            try {
                held = hold(activity, userId, quantity);
            } catch (DomainException refused) {
                answers.count(answerTo(refused));
                inFlight.release();
                // not through a dependent stage: that would wrap the refusal in a CompletionException with a stack trace
                return CompletableFuture.failedFuture(refused);
            }
            answered = published(activity, userId, held);
        } catch (RuntimeException unexpected) {
            inFlight.release();
            throw unexpected;
        }
        answered.whenComplete((receipt, failed) -> inFlight.release());
        return answered;
    }

    private CompletionStage<PurchaseReceipt> published(ActivityId activity, long userId, SeckillPurchase held) {
        return events.publish(held).handleAsync((acked, sendFailed) -> {
            if (sendFailed != null) {
                try {
                    compensate(activity, userId, new OrderId(held.orderId()), sendFailed);
                } catch (ServiceUnavailableException unavailable) {
                    answers.count(PurchaseAnswer.UNAVAILABLE);
                    throw unavailable;
                }
            }
            activityCache.rememberOrder(activity, userId, held.orderId());
            answers.count(PurchaseAnswer.ACCEPTED);
            return new PurchaseReceipt(held.orderId(), "PENDING");
        }, executor);
    }

    private static PurchaseAnswer answerTo(DomainException refused) {
        if (refused instanceof SoldOutException) {
            return PurchaseAnswer.SOLD_OUT;
        } else if (refused instanceof AlreadyPurchasedException) {
            return PurchaseAnswer.ALREADY_PURCHASED;
        } else if (refused instanceof PurchaseRateLimitedException) {
            return PurchaseAnswer.RATE_LIMITED;
        } else if (refused instanceof ActivityNotActiveException) {
            return PurchaseAnswer.NOT_ACTIVE;
        } else if (refused instanceof ServiceUnavailableException || refused instanceof ActivityNotReadyException) {
            return PurchaseAnswer.UNAVAILABLE;
        }
        return PurchaseAnswer.REJECTED;
    }

    /** Everything up to the Redis script; returns the purchase to publish, whose units Redis now holds. */
    private SeckillPurchase hold(ActivityId activity, long userId, int quantity) {
        rateLimiter.admit(userId);
        ActivityTerms terms = activityCache.terms(activity);
        Instant now = Instant.now();
        var closed = terms.closedReason(now);
        if (closed != null) {
            throw new ActivityNotActiveException(activity, closed);
        }
        if (quantity < 1 || quantity > terms.perUserLimit()) {
            throw new InvalidInputException("quantity must be between 1 and " + terms.perUserLimit());
        }
        if (activityCache.soldOut(activity)) {
            activityCache.rememberedOrder(activity, userId).ifPresent(order -> {
                throw new AlreadyPurchasedException(activity, order);
            });
            throw new SoldOutException(activity);
        }
        OrderId orderId = OrderId.next();
        PurchaseAttempt attempt = ledger.tryPurchase(activity, userId, quantity, terms.perUserLimit(), orderId, now);
        switch (attempt.outcome()) {
            case ACCEPTED -> { }
            case SOLD_OUT -> {
                if (attempt.remaining() == 0) {
                    activityCache.markSoldOut(activity);
                }
                throw new SoldOutException(activity);
            }
            case ALREADY_PURCHASED -> {
                activityCache.rememberOrder(activity, userId, attempt.existingOrderId());
                throw new AlreadyPurchasedException(activity, attempt.existingOrderId());
            }
            case OVER_LIMIT -> throw new InvalidInputException("quantity must be between 1 and "
                    + terms.perUserLimit());
            case NOT_ON_SALE, PAUSED -> throw new ActivityNotReadyException(activity);
            case OUTSIDE_WINDOW -> throw new ActivityNotActiveException(activity,
                    now.isBefore(terms.startsAt()) ? ActivityStatus.SCHEDULED : ActivityStatus.ENDED);
        }
        return new SeckillPurchase(OutgoingEvent.newEventId(), orderId.value(), activity.value(), userId, quantity,
                terms.price(), now);
    }

    /** Undo the Redis step, unless the order writer already claimed the purchase (then it did reach Kafka). */
    private void compensate(ActivityId activity, long userId, OrderId orderId, Throwable sendFailed) {
        UndoOutcome undo;
        try {
            undo = ledger.undo(activity, userId, orderId, false);
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
