package io.flashsale.seckill.application;

/** The Kafka leg between the purchase endpoint and the order writer. */
public interface PurchasePipeline {

    /** Purchases published but not yet acknowledged by the order writer (consumer lag), all partitions. */
    long backlog();
}
