package io.flashsale.seckill.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A payment provider's callback that was acted on, kept by its signature: the same signed message delivered again (a
 * replay, or the provider's own retry) is recognised and changes nothing.
 */
@Entity
@Table(name = "payment_callback")
public class ProviderCallback {

    @Id
    @Column(name = "signature", length = 64)
    private String signature;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "received_at", nullable = false, columnDefinition = "DATETIME(6)")
    private Instant receivedAt;

    protected ProviderCallback() {
    }

    public ProviderCallback(String signature, String orderId, Instant receivedAt) {
        this.signature = signature;
        this.orderId = orderId;
        this.receivedAt = receivedAt;
    }
}
