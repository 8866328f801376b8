/** Use case: comparing the Redis ledger with MySQL, publishing the drift, and rebuilding the ledger from MySQL. */
package io.flashsale.seckill.application.reconciliation;
