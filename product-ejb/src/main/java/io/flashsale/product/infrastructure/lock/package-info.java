/** The Redis lease of the redis-lock strategy. */
package io.flashsale.product.infrastructure.lock;
