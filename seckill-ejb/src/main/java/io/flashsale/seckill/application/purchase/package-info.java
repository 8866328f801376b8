/** Use case: the purchase hot path (rate limit, Redis ledger, Kafka), answered before the order is durable. */
package io.flashsale.seckill.application.purchase;
