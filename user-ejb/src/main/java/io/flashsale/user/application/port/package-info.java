/** Ports: login throttling, token issuing and revocation, implemented in infrastructure. */
package io.flashsale.user.application.port;
