package io.flashsale.seckill.application.reconciliation;

/**
 * Redis against MySQL for one activity. {@code pendingUnits} are held in Redis by purchases not yet durable;
 * {@code missingInCacheUnits} belong to live MySQL orders Redis does not hold. In a healthy sale
 * {@code mysqlRemaining == redisRemaining + pendingUnits}, so {@code driftUnits} (their difference) is 0.
 * {@code oldestPendingSeconds}: age of the oldest of those purchases; a stuck hold shows here until it is released.
 */
public record ReconciliationReport(long activityId, boolean cacheWarm, int redisRemaining, int pendingOrders,
                                   int pendingUnits, int mysqlRemaining, int confirmedOrders, int missingInCacheUnits,
                                   int driftUnits, long pipelineBacklog, long oldestPendingSeconds) {
}
