/** The cluster lease: one instance at a time runs housekeeping (a row in MySQL). */
package io.flashsale.seckill.infrastructure.scheduling;
