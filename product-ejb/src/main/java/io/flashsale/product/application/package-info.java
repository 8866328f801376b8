/** Use case: the product catalogue. */
package io.flashsale.product.application;
