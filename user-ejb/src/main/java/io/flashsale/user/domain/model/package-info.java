/** Users, their passwords (hashed by a PasswordHasher) and roles. */
package io.flashsale.user.domain.model;
