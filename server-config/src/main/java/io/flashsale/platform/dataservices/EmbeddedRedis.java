package io.flashsale.platform.dataservices;

import io.flashsale.platform.PlatformSettings.RedisEndpoint;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A real Redis server (embedded-redis ships the binary). Snapshots off: the database is the durable truth. A
 * generated password ({@code requirepass}): without it, anyone on the machine could clear the login throttle or
 * rewrite a sale's stock.
 */
public final class EmbeddedRedis implements DataService {

    private final String name;
    private final int port;
    private final Supplier<String> password;
    private final Path dir;
    private final boolean clusterNode;
    private RedisServer server;

    public EmbeddedRedis(RedisEndpoint endpoint, Supplier<String> password, Path dir) {
        this("redis", endpoint.port(), password, dir, false);
    }

    /** One master of an {@link EmbeddedRedisCluster}: cluster mode on, its node table kept in {@code dir}. */
    static EmbeddedRedis clusterNode(int node, int port, Supplier<String> password, Path dir) {
        return new EmbeddedRedis("redis-node-" + node, port, password, dir, true);
    }

    private EmbeddedRedis(String name, int port, Supplier<String> password, Path dir, boolean clusterNode) {
        this.name = name;
        this.port = port;
        this.password = password;
        this.dir = dir;
        this.clusterNode = clusterNode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void start() throws IOException {
        Ports.requireFree("Redis", port);
        Files.createDirectories(dir);
        server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dir)
                .setting("save \"\"")
                // the seckill stock, its buyers and the undo records must survive a restart, like in production
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("requirepass " + password.get())
                .setting("maxclients 2000")
                .setting("tcp-backlog 511")
                .settingIf(clusterNode, "cluster-enabled yes")
                .settingIf(clusterNode, "cluster-config-file nodes.conf")
                .settingIf(clusterNode, "cluster-node-timeout 5000")
                .settingIf(clusterNode, "masterauth " + password.get())
                .onShutdownForceStop(true)
                .build();
        startRetryingBusyBinary();
    }

    /**
     * embedded-redis writes the binary to a temporary file and runs it; a process forked meanwhile by another thread
     * (MariaDB and Kafka start in parallel) can inherit the open write handle, and exec then fails with "Text file
     * busy" (ETXTBSY) until that child has exec'd itself. Seen once in a test run; a moment later it works.
     */
    private void startRetryingBusyBinary() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                server.start();
                return;
            } catch (IOException e) {
                boolean busy = e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("busy");
                if (!busy || attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                System.err.println("[flashsale] stopping Redis: " + e.getMessage());
            }
            server = null;
            // stopped means gone: a start right after must find the port free
            Ports.await("Redis's port closed", Duration.ofSeconds(30),
                    () -> !Ports.accepting("127.0.0.1", port));
        }
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }
}
