package io.flashsale.platform.dataservices;

import io.flashsale.platform.PlatformSettings.RedisEndpoint;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster of N masters (the same embedded binary in cluster mode, on consecutive ports), its 16,384
 * slots split evenly. Formed at its first start; each node keeps the node table in its own directory, so a restart
 * finds the same cluster (and the same data, append-only file on). No replicas: the tests and benchmarks on one
 * machine need the slot routing, not failover.
 */
public final class EmbeddedRedisCluster implements DataService {

    private static final int SLOTS = 16384;

    private final Supplier<String> password;
    private final List<EmbeddedRedis> nodes = new ArrayList<>();

    public EmbeddedRedisCluster(RedisEndpoint endpoint, Supplier<String> password, Path dir) {
        this.password = password;
        for (int node = 0; node < endpoint.clusterNodes(); node++) {
            nodes.add(EmbeddedRedis.clusterNode(node, endpoint.port() + node, password,
                    dir.resolve("node-" + node)));
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    /** The seed nodes, as the application's {@code flashsale.redis.cluster} takes them. */
    @Override
    public String endpoint() {
        return nodes.stream().map(EmbeddedRedis::endpoint).collect(Collectors.joining(","));
    }

    /** The masters, to stop or kill one by one. */
    public List<DataService> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public synchronized void start() throws IOException {
        for (EmbeddedRedis node : nodes) {
            node.start();
        }
        if (!formed()) {
            form();
        }
        Ports.await("the Redis Cluster's state ok on every node", Duration.ofSeconds(60), this::allOk);
    }

    /** True when the first node already knows every other (a restart of a formed cluster). */
    private boolean formed() {
        try (Jedis jedis = connect(nodes.get(0))) {
            return info(jedis, "cluster_known_nodes") == nodes.size()
                    && info(jedis, "cluster_slots_assigned") == SLOTS;
        }
    }

    private void form() {
        int count = nodes.size();
        for (int i = 0; i < count; i++) {
            int from = i * SLOTS / count;
            int to = (i + 1) * SLOTS / count;
            try (Jedis jedis = connect(nodes.get(i))) {
                if (info(jedis, "cluster_slots_assigned") == 0) { // not yet: a formation cut short left some
                    jedis.clusterAddSlots(IntStream.range(from, to).toArray());
                }
            }
        }
        try (Jedis first = connect(nodes.get(0))) {
            for (EmbeddedRedis other : nodes.subList(1, count)) {
                first.clusterMeet("127.0.0.1", other.port());
            }
        }
    }

    private boolean allOk() {
        for (EmbeddedRedis node : nodes) {
            try (Jedis jedis = connect(node)) {
                String info = jedis.clusterInfo();
                if (!info.contains("cluster_state:ok") || info(jedis, "cluster_known_nodes") != nodes.size()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long info(Jedis jedis, String field) {
        return jedis.clusterInfo().lines().filter(line -> line.startsWith(field + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(field.length() + 1).strip()))
                .findFirst().orElse(-1);
    }

    private Jedis connect(EmbeddedRedis node) {
        return new Jedis(new HostAndPort("127.0.0.1", node.port()),
                DefaultJedisClientConfig.builder().password(password.get()).protocol(RedisProtocol.RESP2).build());
    }

    @Override
    public synchronized void stop() {
        for (EmbeddedRedis node : nodes) {
            node.stop();
        }
    }

    @Override
    public synchronized boolean running() {
        return nodes.stream().anyMatch(EmbeddedRedis::running);
    }
}
