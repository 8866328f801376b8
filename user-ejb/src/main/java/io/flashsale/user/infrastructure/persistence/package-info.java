/** JPA repository of users. */
package io.flashsale.user.infrastructure.persistence;
