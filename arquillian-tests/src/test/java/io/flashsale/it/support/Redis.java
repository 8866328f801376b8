package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings;
import io.flashsale.shared.infrastructure.redis.RedisConnection;
import redis.clients.jedis.UnifiedJedis;

/**
 * A client of the platform's Redis (one server, or its Redis Cluster), with its password (what an operator's
 * redis-cli would need too), built as the application builds its own.
 */
public final class Redis {

    private Redis() {
    }

    public static UnifiedJedis client() {
        PlatformSettings settings = PlatformSession.platform().settings();
        String nodes = settings.redis().clustered() ? settings.redis().cluster()
                : settings.redis().host() + ":" + settings.redis().port();
        return RedisConnection.to(nodes, settings.redis().clustered(), settings.redisPassword(),
                settings.redis().tls(), 8, 2_000).client();
    }
}
