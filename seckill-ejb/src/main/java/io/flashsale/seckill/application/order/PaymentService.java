package io.flashsale.seckill.application.order;

import io.flashsale.seckill.application.port.OrderEvents;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.seckill.domain.model.order.OrderRepository;
import io.flashsale.seckill.domain.model.order.OrderStatus;
import io.flashsale.seckill.domain.model.order.SeckillOrder;
import io.flashsale.seckill.domain.model.payment.ProviderCallback;
import io.flashsale.seckill.domain.model.payment.ProviderCallbacks;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Payment of confirmed orders. The buyer only starts a payment; an order becomes PAID when the payment provider
 * confirms it (a callback whose signature the web layer verified) or an administrator does. Each locks the order
 * row, as cancellation does, so an order is never both paid and cancelled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentService {

    private static final SecureRandom REFERENCES = new SecureRandom();

    @Inject
    OrderRepository orders;

    @Inject
    ProviderCallbacks callbacks;

    @Inject
    OrderEvents events;

    /** The buyer's own order only; anyone else's looks like none. */
    public PaymentView start(OrderId id, long buyer) {
        SeckillOrder order = orders.findForUpdate(id).filter(o -> o.userId() == buyer)
                .orElseThrow(() -> new NotFoundException("order", id));
        order.startPayment(newReference());
        return PaymentView.of(order);
    }

    /**
     * The provider's word, once per signed message: {@code succeeded} pays the order if reference and amount match
     * the payment started; any other outcome leaves it unpaid (the payment window still runs).
     */
    public OrderView confirmByProvider(String signature, OrderId id, String reference, BigDecimal amount,
                                       boolean succeeded) {
        SeckillOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!callbacks.recordFirst(new ProviderCallback(signature, id.value(), Instant.now()), signature)) {
            throw new CallbackReplayedException();
        }
        if (succeeded) {
            pay(order, () -> order.confirmPayment(reference, amount, Instant.now()));
        }
        return OrderView.of(order);
    }

    /** An administrator records a payment made some other way (a bank transfer, a provider outage). */
    public OrderView confirmByAdministrator(OrderId id) {
        SeckillOrder order = orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id));
        pay(order, () -> order.pay(Instant.now()));
        return OrderView.of(order);
    }

    private void pay(SeckillOrder order, Runnable payment) {
        boolean wasUnpaid = order.status() == OrderStatus.CONFIRMED;
        payment.run();
        if (wasUnpaid && order.status() == OrderStatus.PAID) {
            events.paid(order);
        }
    }

    private static String newReference() {
        byte[] bytes = new byte[16];
        REFERENCES.nextBytes(bytes);
        return "pay_" + HexFormat.of().formatHex(bytes);
    }

    public static class CallbackReplayedException extends DomainException {
        CallbackReplayedException() {
            super(Kind.CONFLICT, "callback-replayed", "this signed callback was received before; nothing changed");
        }
    }
}
