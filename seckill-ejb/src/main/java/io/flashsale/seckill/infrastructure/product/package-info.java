/** Adapters to the other bounded contexts of the EAR: the product context's stock. */
package io.flashsale.seckill.infrastructure.product;
