/** JPA repositories of the product context. */
package io.flashsale.product.infrastructure.persistence;
