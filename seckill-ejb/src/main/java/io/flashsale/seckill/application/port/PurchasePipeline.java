package io.flashsale.seckill.application.port;

import java.time.Instant;
import java.util.Map;

/** The Kafka leg between the purchase endpoint and the order writer. */
public interface PurchasePipeline {

    /** Purchases published but not yet acknowledged by the order writer (consumer lag), all partitions. */
    long backlog();

    /** Where the purchases topic ends now: every purchase published so far lies below this mark. */
    Mark mark();

    /** How far the order writer has acknowledged, per partition: every purchase below it is written. */
    Mark consumed();

    /**
     * Whether the order writer has acknowledged every purchase below {@code mark}: true under steady traffic as soon
     * as it got that far, where the whole backlog may never be 0.
     */
    default boolean consumedUpTo(Mark mark) {
        return consumed().covers(mark);
    }

    /** An offset per partition, and when it was read. */
    record Mark(Map<Integer, Long> offsets, Instant takenAt) {

        /** Whether this mark is at or past {@code other} on every partition {@code other} names. */
        public boolean covers(Mark other) {
            return other.offsets.entrySet().stream()
                    .allMatch(end -> offsets.getOrDefault(end.getKey(), 0L) >= end.getValue());
        }
    }
}
