/** Ports: interfaces the product application calls and infrastructure implements (repositories are in the domain). */
package io.flashsale.product.application.port;
