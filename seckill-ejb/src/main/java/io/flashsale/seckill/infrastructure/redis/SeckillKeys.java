package io.flashsale.seckill.infrastructure.redis;

import io.flashsale.seckill.domain.model.activity.ActivityId;

import java.util.List;

/** Redis keys of one activity; the {a<id>} hash tag keeps them in one cluster slot for the Lua scripts. */
final class SeckillKeys {

    private SeckillKeys() {
    }

    static String stock(ActivityId activity) {
        return prefix(activity) + "stock";
    }

    static String buyers(ActivityId activity) {
        return prefix(activity) + "buyers";
    }

    static String orders(ActivityId activity) {
        return prefix(activity) + "orders";
    }

    static String paused(ActivityId activity) {
        return prefix(activity) + "paused";
    }

    static String undone(ActivityId activity) {
        return prefix(activity) + "undone";
    }

    static String meta(ActivityId activity) {
        return prefix(activity) + "meta";
    }

    /** Held by the one rebuild or settlement of the activity running; its value is the holder's token. */
    static String maintenance(ActivityId activity) {
        return prefix(activity) + "maintenance";
    }

    /** Order ids of the purchases held but not yet claimed by the order writer, scored by when they were taken. */
    static String unclaimed(ActivityId activity) {
        return prefix(activity) + "unclaimed";
    }

    /** Where a rebuild writes the new buyers and orders before renaming them into place; one per rebuild. */
    static List<String> staging(ActivityId activity, String token) {
        return List.of(prefix(activity) + "rebuild:" + token + ":buyers", prefix(activity) + "rebuild:" + token
                + ":orders");
    }

    /** KEYS of the activity's Lua scripts, in their order. */
    static List<String> of(ActivityId activity) {
        return List.of(stock(activity), buyers(activity), orders(activity), paused(activity), undone(activity),
                meta(activity), maintenance(activity), unclaimed(activity));
    }

    private static String prefix(ActivityId activity) {
        return "sk:{a" + activity.value() + "}:";
    }
}
