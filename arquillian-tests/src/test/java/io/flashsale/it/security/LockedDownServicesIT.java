package io.flashsale.it.security;

import io.flashsale.it.support.Database;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Processes;
import io.flashsale.platform.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services behind the platform as someone else on the machine finds them: every port on loopback only, and each
 * service (MariaDB, Redis, Kafka, Payara's admin API) asking for the credentials the run command generated
 * (work/secrets), which only their owner can read.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class LockedDownServicesIT {

    /** Loopback as /proc/net/tcp and tcp6 write it: 127.0.0.1, ::1 and ::ffff:127.0.0.1. */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");


    private static PlatformSettings settings() {
        return PlatformSession.platform().settings();
    }

    @Test
    void everyPortOfEveryServiceListensOnLoopbackOnly() {
        Map<String, Integer> services = Map.of("Payara", settings().httpPort(), "MariaDB", settings().database().port(),
                "Redis", settings().redis().port(), "Kafka", settings().kafka().port());
        services.forEach((service, knownPort) -> {
            List<String> sockets = Processes.listeningSockets(Processes.listeningOn(knownPort));
            assertFalse(sockets.isEmpty(), service);
            for (String socket : sockets) {
                String address = socket.substring(0, socket.indexOf(':'));
                int port = Integer.parseInt(socket.substring(socket.indexOf(':') + 1), 16);
                assertTrue(LOOPBACK.contains(address), service + " listens on port " + port
                        + " of a non-loopback address (" + address + "): " + sockets);
            }
        });
    }

    @Test
    void theApplicationsDatabaseAccountCanNeitherGrantNorTouchTheGrantTables() throws SQLException {
        try (Connection application = Database.connect(); Statement statement = application.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM app_user").close(); // its own schema: yes
            SQLException denied = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE mysql.global_priv SET Priv = '{}' WHERE User = 'flashsale'"));
            assertTrue(denied.getMessage().contains("denied"), denied.getMessage());
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM mysql.global_priv"));
            assertThrows(SQLException.class, () -> statement.execute("CREATE USER 'intruder'@'%' IDENTIFIED BY 'x'"));
            assertThrows(SQLException.class, () -> statement.execute("CREATE DATABASE elsewhere"));
            assertThrows(SQLException.class, () -> statement.execute("SET GLOBAL max_connections = 1"));
        }
        PlatformSettings.DatabaseEndpoint db = settings().database();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), "root", "").close(),
                "no superuser over TCP");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "guess").close());
    }

    @Test
    void redisRefusesCommandsWithoutThePassword() {
        HostAndPort redis = new HostAndPort(settings().redis().host(), settings().redis().port());
        try (RedisClient anonymous = RedisClient.builder().hostAndPort(redis).build()) {
            JedisException refused = assertThrows(JedisException.class, () -> anonymous.del("login:{@127.0.0.1}:lock"));
            assertTrue(refused.getMessage().contains("NOAUTH"), refused.getMessage());
        }
        try (RedisClient guessing = RedisClient.builder().hostAndPort(redis)
                .clientConfig(DefaultJedisClientConfig.builder().password("guess").build()).build()) {
            assertThrows(JedisException.class, () -> guessing.get("auth:revocations"));
        }
    }

    @Test
    void kafkaRefusesClientsThatDoNotLogIn() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", settings().kafka().bootstrapServers(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 3000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThrows(Exception.class, () -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
        }
        Map<String, Object> guessing = new HashMap<>(settings().kafkaClientProperties());
        guessing.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"flashsale\" password=\"guess\";");
        guessing.put("request.timeout.ms", 5000);
        guessing.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(guessing)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof SaslAuthenticationException, refused.toString());
        }
        try (Admin admin = Admin.create(settings().kafkaClientProperties())) {
            assertDoesNotThrow(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS), "with the password");
        }
    }

    @Test
    void payarasAdminApiAsksForTheGeneratedPassword() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI applications = URI.create("http://127.0.0.1:" + settings().adminPort()
                + "/management/domain/applications/application");
        HttpRequest.Builder request = HttpRequest.newBuilder(applications).header("Accept", "application/json")
                .header("X-Requested-By", "flashsale-tests");
        assertEquals(401, http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        String credentials = Base64.getEncoder().encodeToString(("admin:" + settings().secrets()
                .payaraAdminPassword()).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, http.send(request.header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void secretsAreTheOwnersAloneAndNoneIsInClearInDomainXml() throws Exception {
        Path secrets = settings().secrets().directory();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file.toString());
            }
        }
        String domainXml = Files.readString(settings().workDir().resolve("domains/flashsale/config/domain.xml"));
        assertFalse(domainXml.contains(settings().databasePassword()), "the database password is in domain.xml");
        assertTrue(domainXml.contains("${ALIAS=flashsale-db-password}"), "the pool refers to a password alias");
    }
}
