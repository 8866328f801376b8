package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** A client of the platform's Redis, with its password (what an operator's redis-cli would need too). */
public final class Redis {

    private Redis() {
    }

    public static RedisClient client() {
        PlatformSettings settings = PlatformSession.platform().settings();
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(settings.redis().host(), settings.redis().port()))
                .clientConfig(DefaultJedisClientConfig.builder().password(settings.redisPassword())
                        .ssl(settings.redis().tls()).build())
                .build();
    }
}
