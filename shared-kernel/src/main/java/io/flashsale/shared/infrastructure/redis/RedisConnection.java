package io.flashsale.shared.infrastructure.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's pooled Redis client, configured from MicroProfile Config ({@code flashsale.redis.*}): one Redis
 * server, or a Redis Cluster when {@code flashsale.redis.cluster} names some of its nodes ({@code host:port,...}).
 * Every key a command or script touches at once shares one hash tag, so both work the same.
 */
@ApplicationScoped
public class RedisConnection {

    /** Seed nodes of a Redis Cluster; the client learns the others and the slot map from them. */
    @Inject
    @ConfigProperty(name = "flashsale.redis.cluster")
    Optional<String> cluster;

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

    private UnifiedJedis client;
    private String endpoint;

    /** For the container; {@link #open()} connects. */
    protected RedisConnection() {
    }

    /** Outside a container: a connection to {@code nodes} (one {@code host:port}, or a cluster's seed nodes). */
    public static RedisConnection to(String nodes, boolean cluster, String password, boolean tls, int maxTotal,
                                     int timeoutMillis) {
        RedisConnection connection = new RedisConnection();
        HostAndPort first = seeds(nodes).iterator().next();
        connection.host = first.getHost();
        connection.port = first.getPort();
        connection.cluster = cluster ? Optional.of(nodes) : Optional.empty();
        connection.password = Optional.ofNullable(password);
        connection.tls = tls;
        connection.maxTotal = maxTotal;
        connection.timeoutMillis = timeoutMillis;
        connection.maxWaitMillis = timeoutMillis;
        connection.open();
        return connection;
    }

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
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("flashsale")
                .password(password.orElse(null))
                .ssl(tls)
                .build();
        if (cluster.isPresent() && !cluster.get().isBlank()) {
            Set<HostAndPort> seeds = seeds(cluster.get());
            // the pool is per node: each master gets maxTotal connections
            client = RedisClusterClient.builder().nodes(seeds).clientConfig(config).poolConfig(pool).build();
            endpoint = "cluster " + cluster.get().strip();
        } else {
            client = RedisClient.builder().hostAndPort(host, port).clientConfig(config).poolConfig(pool).build();
            endpoint = host + ":" + port;
        }
    }

    private static Set<HostAndPort> seeds(String nodes) {
        return Arrays.stream(nodes.split(",")).map(String::strip).filter(node -> !node.isEmpty())
                .map(HostAndPort::from).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @PreDestroy
    public void close() {
        client.close();
    }

    public UnifiedJedis client() {
        return client;
    }

    public String endpoint() {
        return endpoint;
    }
}
