/** The product and its stock (units are never negative). */
package io.flashsale.product.domain.model;
