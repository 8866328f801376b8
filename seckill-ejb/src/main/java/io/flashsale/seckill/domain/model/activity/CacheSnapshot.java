package io.flashsale.seckill.domain.model.activity;

import java.util.List;

/**
 * The stock cache's view of one activity: its counters at one moment, then the purchases it holds, read in chunks
 * (while purchases go on, the list may differ from the counters by the purchases made meanwhile).
 */
public record CacheSnapshot(CacheCounters counters, List<HeldPurchase> held) {

    public boolean warm() {
        return counters.warm();
    }

    public int remaining() {
        return counters.remaining();
    }

    /** Units of the purchases listed. */
    public int heldUnits() {
        return held.stream().mapToInt(HeldPurchase::quantity).sum();
    }
}
