/** Use cases: registration, authentication, administration of users. */
package io.flashsale.user.application;
