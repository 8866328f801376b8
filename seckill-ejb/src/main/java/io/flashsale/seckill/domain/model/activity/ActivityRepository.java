package io.flashsale.seckill.domain.model.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ActivityRepository {

    Optional<SeckillActivity> find(ActivityId id);

    void store(SeckillActivity activity);

    /** Activities whose window contains {@code now} or starts within {@code horizon} of it, not settled. */
    List<SeckillActivity> openOrStartingBefore(Instant now, Instant horizon);

    /** Ended (window closed) but unsold units not yet returned to the product. */
    List<SeckillActivity> endedUnsettled(Instant now);

    /**
     * Conditional decrement of the durable remaining units by {@code units}, held by {@code orders} new live orders;
     * false when fewer are left or the sale is settled. Does not flush pending changes first (its caller has).
     */
    boolean takeUnits(ActivityId id, int units, int orders);

    /** The units of {@code orders} live orders that were cancelled. */
    void returnUnits(ActivityId id, int units, int orders);

    /** The activity's counters, read from the database now. */
    ActivityTotals totals(ActivityId id);

    /** {@link #totals(ActivityId)} of each activity, in one query. */
    Map<ActivityId, ActivityTotals> totals(Collection<ActivityId> ids);

    /** The durable remaining units read from the database now, locking the activity row until the transaction ends. */
    int lockRemaining(ActivityId id);

    void markWarmed(ActivityId id, Instant at);

    /** Sales settled before {@code before} whose orders are not archived yet, the longest settled first. */
    List<ActivityId> settledBeforeNotArchived(Instant before, int limit);

    void markArchived(ActivityId id, Instant at);

    /** Marks the unsold units as returned to the product; false when another instance did it first. */
    boolean markSettled(ActivityId id, Instant at);
}
