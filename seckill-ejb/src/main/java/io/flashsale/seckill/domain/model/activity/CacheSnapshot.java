package io.flashsale.seckill.domain.model.activity;

import java.util.List;

/** The stock cache's view of one activity: units left and the purchases it holds units for. */
public record CacheSnapshot(boolean warm, int remaining, List<HeldPurchase> held) {

    public int heldUnits() {
        return held.stream().mapToInt(HeldPurchase::quantity).sum();
    }
}
