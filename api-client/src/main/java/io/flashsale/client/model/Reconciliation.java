package io.flashsale.client.model;

/** A sale's Redis and MySQL books side by side (administrators). */
public record Reconciliation(long activityId, boolean cacheWarm, int redisRemaining, int pendingOrders,
                             int pendingUnits, int mysqlRemaining, int confirmedOrders, int missingInCacheUnits,
                             int driftUnits, long pipelineBacklog, long oldestPendingSeconds) {
}
