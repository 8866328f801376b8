/** The stock outbox and its relay to Kafka. */
package io.flashsale.product.infrastructure.messaging;
