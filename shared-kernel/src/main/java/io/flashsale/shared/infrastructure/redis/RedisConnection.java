package io.flashsale.shared.infrastructure.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.Optional;

/** The application's pooled Redis client, configured from MicroProfile Config ({@code flashsale.redis.*}). */
@ApplicationScoped
public class RedisConnection {

    @Inject
    @ConfigProperty(name = "flashsale.redis.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "flashsale.redis.port", defaultValue = "16379")
    int port;

    /** The embedded Redis's comes from work/secrets; an external one's from the environment. */
    @Inject
    @ConfigProperty(name = "flashsale.redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "flashsale.redis.tls", defaultValue = "false")
    boolean tls;

    @Inject
    @ConfigProperty(name = "flashsale.redis.pool.max-total", defaultValue = "128")
    int maxTotal;

    @Inject
    @ConfigProperty(name = "flashsale.redis.timeout-millis", defaultValue = "1000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "flashsale.redis.pool.max-wait-millis", defaultValue = "500")
    int maxWaitMillis;

    private RedisClient client;

    @PostConstruct
    void open() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxTotal);
        pool.setMaxIdle(maxTotal);
        pool.setMinIdle(Math.min(8, maxTotal));
        pool.setMaxWait(Duration.ofMillis(maxWaitMillis));
        // A restarted Redis leaves every idle pooled connection dead, and each would fail one request with a 503:
        // all idle connections are PINGed once a second instead (testOnBorrow would add a round trip to every call).
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(1));
        pool.setNumTestsPerEvictionRun(-1);
        client = RedisClient.builder()
                .hostAndPort(host, port)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeoutMillis)
                        .socketTimeoutMillis(timeoutMillis)
                        .clientName("flashsale")
                        .password(password.orElse(null))
                        .ssl(tls)
                        .build())
                .poolConfig(pool)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public RedisClient client() {
        return client;
    }

    public String endpoint() {
        return host + ":" + port;
    }
}
