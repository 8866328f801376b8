package io.flashsale.platform.dataservices;

import io.flashsale.platform.PlatformSettings.RedisEndpoint;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A real Redis server (embedded-redis ships the binary). Snapshots off: the database is the durable truth. A
 * generated password ({@code requirepass}): without it, anyone on the machine could clear the login throttle or
 * rewrite a sale's stock.
 */
public final class EmbeddedRedis implements DataService {

    private final RedisEndpoint endpoint;
    private final Supplier<String> password;
    private final Path dir;
    private RedisServer server;

    public EmbeddedRedis(RedisEndpoint endpoint, Supplier<String> password, Path dir) {
        this.endpoint = endpoint;
        this.password = password;
        this.dir = dir;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String endpoint() {
        return endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public synchronized void start() throws IOException {
        Ports.requireFree("Redis", endpoint.port());
        Files.createDirectories(dir);
        server = RedisServer.newRedisServer()
                .port(endpoint.port())
                .bind("127.0.0.1")
                .setting("dir " + dir)
                .setting("save \"\"")
                // the seckill stock, its buyers and the undo records must survive a restart, like in production
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("requirepass " + password.get())
                .setting("maxclients 2000")
                .setting("tcp-backlog 511")
                .onShutdownForceStop(true)
                .build();
        server.start();
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
        }
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }
}
