package io.flashsale.seckill.infrastructure.redis;

import io.flashsale.seckill.domain.model.activity.PurchaseAttempt;
import io.flashsale.seckill.domain.model.activity.PurchaseAttempt.Outcome;
import io.flashsale.seckill.domain.model.activity.SeckillStockCache;
import io.flashsale.seckill.domain.model.order.OrderId;
import io.flashsale.shared.infrastructure.redis.LuaScript;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.OptionalInt;

@ApplicationScoped
public class RedisSeckillStockCache implements SeckillStockCache {

    private static final LuaScript PURCHASE = LuaScript.fromClasspath(RedisSeckillStockCache.class, "purchase.lua");
    private static final LuaScript UNDO = LuaScript.fromClasspath(RedisSeckillStockCache.class, "undo-purchase.lua");
    private static final Outcome[] OUTCOMES = {
            Outcome.ACCEPTED, Outcome.SOLD_OUT, Outcome.ALREADY_PURCHASED, Outcome.OVER_LIMIT, Outcome.NOT_ON_SALE};

    @Inject
    RedisConnection redis;

    @Override
    public void warm(long activityId, int units) {
        redis.client().set(SeckillKeys.stock(activityId), Integer.toString(units));
    }

    @Override
    public PurchaseAttempt tryPurchase(long activityId, long userId, int quantity, int perUserLimit, OrderId orderId) {
        List<?> reply = (List<?>) PURCHASE.run(redis.client(), SeckillKeys.of(activityId),
                List.of(Long.toString(userId), Integer.toString(quantity), Integer.toString(perUserLimit),
                        orderId.value()));
        Outcome outcome = OUTCOMES[((Long) reply.get(0)).intValue()];
        String value = (String) reply.get(1);
        return switch (outcome) {
            case ACCEPTED, SOLD_OUT -> new PurchaseAttempt(outcome, Integer.parseInt(value), null);
            case ALREADY_PURCHASED -> new PurchaseAttempt(outcome, -1, value);
            default -> new PurchaseAttempt(outcome, -1, null);
        };
    }

    @Override
    public boolean undo(long activityId, long userId, int quantity, OrderId orderId) {
        Object left = UNDO.run(redis.client(), SeckillKeys.of(activityId),
                List.of(Long.toString(userId), Integer.toString(quantity), orderId.value()));
        return (Long) left >= 0;
    }

    @Override
    public OptionalInt remaining(long activityId) {
        String stock = redis.client().get(SeckillKeys.stock(activityId));
        return stock == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(stock));
    }
}
