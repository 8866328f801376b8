package io.flashsale.product.application.port;

import java.time.Duration;
import java.util.Optional;

/** A distributed mutual-exclusion lease with an expiry, so a crashed holder cannot block others forever. */
public interface ProductLock {

    /** Waits at most {@code maxWait}; empty when the lease could not be had in time. */
    Optional<Lease> acquire(String name, Duration lease, Duration maxWait);

    interface Lease {

        /** Gives the lease back, only if it is still ours (an expired lease taken over by another is left alone). */
        void release();
    }
}
