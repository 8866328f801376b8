package io.flashsale.it.support;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.flashsale.platform.Directories;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;
import io.flashsale.platform.dataservices.EmbeddedMariaDb;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A MariaDB server of a test's own beside the suite's platform (the platform's {@link EmbeddedMariaDb}, its data under
 * the work folder's sibling {@code scratch-databases}), with one schema and an account that has the application's
 * rights on it.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final EmbeddedMariaDb server;
    private final String name;
    private final int port;
    private final String password = UUID.randomUUID().toString();

    private ScratchDatabase(String name, int port) {
        this.name = name;
        this.port = port;
        Path dir = Path.of(System.getProperty("flashsale.work.dir", "target/work")).resolveSibling("scratch-databases");
        Directories.deleteRecursively(dir.resolve(name));
        this.server = new EmbeddedMariaDb(new DatabaseEndpoint("127.0.0.1", port, name, "app", password, "DISABLED", 3,
                false), () -> password, dir.resolve(name), dir.resolve("base"));
    }

    public static ScratchDatabase start(String name, int port) throws Exception {
        ScratchDatabase database = new ScratchDatabase(name, port);
        database.server.start();
        return database;
    }

    public MysqlDataSource dataSource() {
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL("jdbc:mysql://127.0.0.1:" + port + "/" + name + "?sslMode=DISABLED");
        dataSource.setUser("app");
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public void close() {
        server.stop();
    }
}
