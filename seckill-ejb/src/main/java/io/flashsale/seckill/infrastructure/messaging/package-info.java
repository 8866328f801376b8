/** Kafka adapters: the purchase producer and the order writer's consumer, dead letters, the order outbox, topics. */
package io.flashsale.seckill.infrastructure.messaging;
