/** Stock events, one per committed change of a product's units. */
package io.flashsale.product.domain.model.stock;
