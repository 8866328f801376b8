/** PBKDF2 hashing, JWT issuing, and the Redis login throttle and revocation list. */
package io.flashsale.user.infrastructure.security;
