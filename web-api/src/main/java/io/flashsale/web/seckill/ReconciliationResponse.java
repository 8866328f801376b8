package io.flashsale.web.seckill;

import io.flashsale.seckill.application.reconciliation.ReconciliationReport;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReconciliationResponse")
public record ReconciliationResponse(
        @Schema(type = SchemaType.INTEGER, format = "int64") long activityId,
        boolean cacheWarm,
        int redisRemaining,
        int pendingOrders,
        int pendingUnits,
        int mysqlRemaining,
        int confirmedOrders,
        int missingInCacheUnits,
        int driftUnits,
        @Schema(type = SchemaType.INTEGER, format = "int64") long pipelineBacklog,
        @Schema(type = SchemaType.INTEGER, format = "int64") long oldestPendingSeconds) {

    static ReconciliationResponse of(ReconciliationReport r) {
        return new ReconciliationResponse(r.activityId(), r.cacheWarm(), r.redisRemaining(), r.pendingOrders(),
                r.pendingUnits(), r.mysqlRemaining(), r.confirmedOrders(), r.missingInCacheUnits(), r.driftUnits(),
                r.pipelineBacklog(), r.oldestPendingSeconds());
    }
}
