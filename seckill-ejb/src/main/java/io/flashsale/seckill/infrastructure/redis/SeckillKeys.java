package io.flashsale.seckill.infrastructure.redis;

import java.util.List;

/** Redis keys of one activity; the {a<id>} hash tag keeps them in one cluster slot for the Lua scripts. */
final class SeckillKeys {

    private SeckillKeys() {
    }

    static String stock(long activityId) {
        return "sk:{a" + activityId + "}:stock";
    }

    static String buyers(long activityId) {
        return "sk:{a" + activityId + "}:buyers";
    }

    /** KEYS of purchase.lua and undo-purchase.lua, in their order. */
    static List<String> of(long activityId) {
        return List.of(stock(activityId), buyers(activityId));
    }
}
