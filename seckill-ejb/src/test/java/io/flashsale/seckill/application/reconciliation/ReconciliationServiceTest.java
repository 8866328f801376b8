package io.flashsale.seckill.application.reconciliation;

import io.flashsale.seckill.application.port.StockLedger;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.ActivityRepository;
import io.flashsale.seckill.domain.model.activity.ActivityTotals;
import io.flashsale.seckill.domain.model.activity.CacheCounters;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The periodic drift check under a stampede: between any two reads the order writer claims a purchase in Redis and
 * writes it to MySQL. Only a live order Redis really lost may count as lost (it triggers a rebuild, which pauses the
 * sale).
 */
class ReconciliationServiceTest {

    private static final ActivityId SALE = new ActivityId(7);
    private static final int STOCK = 100;

    /** The sale as both stores see it; while selling, every read of either store is followed by a purchase written. */
    private static final class Stampede {
        int held = 10;          // purchases held in Redis (each 1 unit)
        int claimed = 10;       // of them, claimed by the order writer
        int live = 10;          // written to MySQL
        boolean selling = true;
        boolean redisLostOne;

        void oneMorePurchaseWritten() {
            if (!selling) {
                return;
            }
            held++;
            claimed++; // the writer claims in Redis first ...
            live++;    // ... then writes to MySQL
        }

        ActivityTotals mysql() {
            ActivityTotals totals = new ActivityTotals(STOCK, STOCK - live, live);
            oneMorePurchaseWritten();
            return totals;
        }

        CacheCounters redis() {
            int lost = redisLostOne ? 1 : 0;
            CacheCounters counters = new CacheCounters(true, STOCK - held + lost, held - lost, held - claimed,
                    OptionalInt.of(held - lost));
            oneMorePurchaseWritten();
            return counters;
        }
    }

    @Test
    void ordersWrittenBetweenTheTwoReadsAreNotTakenForLostOnes() {
        Stampede stampede = new Stampede();
        for (int check = 0; check < 5; check++) {
            ReconciliationService.DriftCheck result = service(stampede).recordDrift(List.of(SALE)).get(SALE);
            assertFalse(result.lostOrders(), "check " + check + ": nothing was lost");
            assertEquals(0, result.driftUnits());
        }
    }

    @Test
    void aLiveOrderRedisNoLongerCountsIsLost() {
        Stampede stampede = new Stampede();
        // a quiet moment: a purchase written between the reads would hide the loss until the next check
        stampede.selling = false;
        stampede.redisLostOne = true;
        ReconciliationService.DriftCheck result = service(stampede).recordDrift(List.of(SALE)).get(SALE);
        assertTrue(result.lostOrders());
        assertEquals(0, result.driftUnits(), "the lost hold's unit went back to Redis's stock with it");
    }

    private static ReconciliationService service(Stampede stampede) {
        ReconciliationService service = new ReconciliationService();
        service.activities = only(ActivityRepository.class, "totals", () -> Map.of(SALE, stampede.mysql()));
        service.ledger = only(StockLedger.class, "counters", () -> Map.of(SALE, stampede.redis()));
        service.drift = new ActivityGauges() {
            @Override
            public void record(ActivityId id, int driftUnits) {
            }
        };
        return service;
    }

    /** A port that answers one method (the collection overload) and fails on any other call. */
    private static <T> T only(Class<T> port, String method, Supplier<Object> answer) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getName().equals(method) && args != null && args.length == 1 && args[0] instanceof List) {
                return answer.get();
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }
}
