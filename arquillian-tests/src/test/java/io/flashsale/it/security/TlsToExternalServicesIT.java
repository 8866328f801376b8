package io.flashsale.it.security;

import io.flashsale.it.support.PlatformSession;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;
import io.flashsale.platform.Secrets;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an external service's TLS default means against real servers that speak TLS: the database URL the platform
 * builds for an external MySQL ({@code sslMode=REQUIRED}) against MariaDB 11.4 (which makes itself a certificate), and
 * the Redis client settings of {@code FLASHSALE_REDIS_TLS} against a redis-server with a TLS port and a certificate
 * made here with keytool, and the Kafka client properties of an external broker ({@code SASL_SSL}, SCRAM-SHA-512)
 * against a second broker with a TLS listener and SCRAM users.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class TlsToExternalServicesIT {

    private static final String STORE_PASSWORD = "changeit";


    private static PlatformSettings settings() {
        return PlatformSession.platform().settings();
    }

    @Test
    void theExternalDatabaseDefaultSslModeRequiredReallyEncrypts() throws SQLException {
        DatabaseEndpoint embedded = settings().database();
        DatabaseEndpoint asExternal = new DatabaseEndpoint(embedded.host(), embedded.port(), embedded.name(),
                embedded.user(), null, "REQUIRED", embedded.lockWaitTimeoutSeconds(), true);
        try (Connection db = DriverManager.getConnection(asExternal.jdbcUrl(), embedded.user(),
                settings().databasePassword());
             Statement statement = db.createStatement();
             ResultSet tls = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
            assertTrue(tls.next());
            assertTrue(tls.getString(2).startsWith("TLS"), "the session is encrypted: " + tls.getString(2));
        }
        DatabaseEndpoint verifying = new DatabaseEndpoint(embedded.host(), embedded.port(), embedded.name(),
                embedded.user(), null, "VERIFY_CA", embedded.lockWaitTimeoutSeconds(), true);
        assertThrows(SQLException.class, () -> DriverManager.getConnection(verifying.jdbcUrl(), embedded.user(),
                settings().databasePassword()).close(), "a certificate no trusted CA signed is refused");
    }

    @Test
    void aRedisClientWithTlsOnTalksToATlsPortAndNotWithout() throws Exception {
        Path dir = Files.createTempDirectory("redis-tls");
        KeyStore store = selfSigned(dir);
        Certificate certificate = store.getCertificate("redis");
        Files.writeString(dir.resolve("cert.pem"), Secrets.pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(dir.resolve("key.pem"), Secrets.pem("PRIVATE KEY",
                store.getKey("redis", STORE_PASSWORD.toCharArray()).getEncoded()));
        int port = 16399;
        RedisServer tlsRedis = RedisServer.newRedisServer()
                .port(0)
                .bind("127.0.0.1")
                .setting("tls-port " + port)
                .setting("tls-cert-file " + dir.resolve("cert.pem"))
                .setting("tls-key-file " + dir.resolve("key.pem"))
                .setting("tls-auth-clients no")
                .setting("requirepass secret-of-this-test")
                .setting("save \"\"")
                .build();
        tlsRedis.start();
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("redis", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HostAndPort address = new HostAndPort("127.0.0.1", port);
            try (RedisClient client = RedisClient.builder().hostAndPort(address)
                    .clientConfig(DefaultJedisClientConfig.builder().ssl(true)
                            .sslSocketFactory(tls.getSocketFactory()).password("secret-of-this-test").build())
                    .build()) {
                assertEquals("PONG", client.ping());
            }
            try (RedisClient plain = RedisClient.builder().hostAndPort(address)
                    .clientConfig(DefaultJedisClientConfig.builder().password("secret-of-this-test")
                            .socketTimeoutMillis(2000).build()).build()) {
                assertThrows(JedisException.class, plain::ping, "no plaintext on the TLS port");
            }
        } finally {
            tlsRedis.stop();
        }
    }

    @Test
    void theExternalKafkaDefaultSaslSslWithScramLogsInOverTls() throws Exception {
        Path dir = Files.createTempDirectory("kafka-tls");
        KeyStore store = selfSigned(dir);
        Path keystore = dir.resolve("redis.p12");
        Path truststore = dir.resolve("trust.p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("broker", store.getCertificate("redis"));
        try (var out = Files.newOutputStream(truststore)) {
            trusted.store(out, STORE_PASSWORD.toCharArray());
        }
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:19095",
                "listeners=SASL_SSL://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095",
                "advertised.listeners=SASL_SSL://127.0.0.1:19094",
                "controller.listener.names=CONTROLLER", "inter.broker.listener.name=SASL_SSL",
                "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512", "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram."
                        + "ScramLoginModule required username=\"broker\" password=\"broker-secret\";",
                "ssl.keystore.type=PKCS12", "ssl.keystore.location=" + keystore,
                "ssl.keystore.password=" + STORE_PASSWORD, "ssl.key.password=" + STORE_PASSWORD,
                "ssl.truststore.type=PKCS12", "ssl.truststore.location=" + truststore,
                "ssl.truststore.password=" + STORE_PASSWORD,
                "ssl.endpoint.identification.algorithm=",
                "log.dirs=" + dir.resolve("logs"), "num.partitions=1", "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1", ""));
        run(dir, "kafka.tools.StorageTool", "format", "-t", "Zm9yLXRoZS10bHMtdGVzdA", "-c", properties.toString(),
                "--add-scram", "SCRAM-SHA-512=[name=broker,password=broker-secret]",
                "--add-scram", "SCRAM-SHA-512=[name=shop,password=shop-secret]").waitFor(120, TimeUnit.SECONDS);
        Process broker = run(dir, "kafka.Kafka", properties.toString());
        try {
            Map<String, Object> client = new HashMap<>(PlatformSettings.resolve(Map.of(
                    "FLASHSALE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19094",
                    "FLASHSALE_KAFKA_USERNAME", "shop", "FLASHSALE_KAFKA_PASSWORD", "shop-secret"))
                    .kafkaClientProperties());
            // an operator would put the broker's CA into the JVM's trust store; here the trust store is named
            client.put("ssl.truststore.type", "PKCS12");
            client.put("ssl.truststore.location", truststore.toString());
            client.put("ssl.truststore.password", STORE_PASSWORD);
            client.put("ssl.endpoint.identification.algorithm", "");
            client.put("request.timeout.ms", 10_000);
            client.put("default.api.timeout.ms", 60_000);
            try (Admin admin = Admin.create(client)) {
                assertTrue(admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS) != null);
            }
            client.put("security.protocol", "SASL_PLAINTEXT");
            client.put("default.api.timeout.ms", 10_000);
            try (Admin plain = Admin.create(client)) {
                assertThrows(Exception.class, () -> plain.describeCluster().clusterId().get(15, TimeUnit.SECONDS),
                        "no plaintext on the TLS listener");
            }
        } finally {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    /** A Kafka tool or broker in its own JVM, from the same jars as the embedded broker. */
    private static Process run(Path dir, String mainClass, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", settings().kafkaLibs().resolve("*").toString(), mainClass));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(mainClass + ".log").toFile()).start();
    }

    /** A key pair and a self-signed certificate for 127.0.0.1, made by the JDK's keytool, as an operator would. */
    private static KeyStore selfSigned(Path dir) throws Exception {
        Path file = dir.resolve("redis.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "redis", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store;
    }
}
