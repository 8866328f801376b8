package io.flashsale.platform;

import io.flashsale.platform.payara.DomainConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformSettingsTest {

    @Test
    void withoutConfigurationEverythingIsEmbeddedOnItsOwnPorts() throws IOException {
        PlatformSettings settings = withDirs(Map.of());
        assertFalse(settings.database().external());
        assertFalse(settings.redis().external());
        assertFalse(settings.kafka().external());
        assertEquals(13306, settings.database().port());
        assertEquals(16379, settings.redis().port());
        assertEquals(19092, settings.kafka().port());
    }

    @Test
    void oneServerRunsTheApplicationUnlessInstancesAreAsked() throws IOException {
        PlatformSettings one = withDirs(Map.of());
        assertFalse(one.instances().group());
        assertEquals(java.util.List.of("http://127.0.0.1:8080"), one.httpBaseUrls());

        PlatformSettings three = withDirs(Map.of("FLASHSALE_INSTANCES", "3"));
        assertTrue(three.instances().group());
        assertEquals(java.util.List.of("http://127.0.0.1:28080", "http://127.0.0.1:28180", "http://127.0.0.1:28280"),
                three.httpBaseUrls());
        assertEquals("http://127.0.0.1:8000", three.loadBalancerUrl());
        assertEquals("flashsale-2", three.instances().name(2));
        assertEquals(28100, three.instances().portBase(2));
        assertEquals(java.util.List.of("http://127.0.0.1:8080"), three.withInstances(1).httpBaseUrls());
        assertTrue(DomainConfiguration.deploymentGroup(three).contains(
                "create-instance --node=flashsale-node --config=flashsale-config --portbase=28200 --checkports=true"
                        + " flashsale-3"));

        assertThrows(IllegalStateException.class, () -> withDirs(Map.of("FLASHSALE_INSTANCES", "0")));
    }

    @Test
    void environmentVariablesNameExternalServicesAndTurnTheEmbeddedOnesOff() throws IOException {
        PlatformSettings settings = withDirs(Map.of(
                "FLASHSALE_DB_HOST", "db.internal",
                "FLASHSALE_DB_USER", "shop",
                "FLASHSALE_DB_PASSWORD", "s3cr:t=",
                "FLASHSALE_REDIS_HOST", "cache.internal",
                "FLASHSALE_REDIS_PASSWORD", "r3dis",
                "FLASHSALE_KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "FLASHSALE_KAFKA_USERNAME", "shop",
                "FLASHSALE_KAFKA_PASSWORD", "k4fka"));
        assertTrue(settings.database().external());
        assertEquals("db.internal", settings.database().host());
        assertEquals(3306, settings.database().port());
        assertEquals("s3cr:t=", settings.databasePassword());
        assertEquals("jdbc:mysql://db.internal:3306/flashsale?sslMode=REQUIRED", settings.database().jdbcUrl(),
                "an external database is reached over TLS by default");
        assertTrue(settings.redis().external());
        assertEquals(6379, settings.redis().port());
        assertEquals("r3dis", settings.redisPassword());
        assertTrue(settings.redis().tls(), "an external Redis is reached over TLS by default");
        assertTrue(settings.kafka().external());
        assertEquals("k1:9092,k2:9092", settings.kafka().bootstrapServers());
        assertEquals("SASL_SSL", settings.kafkaClientProperties().get("security.protocol"),
                "an external Kafka is reached over TLS with SASL by default");
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"shop\""
                + " password=\"k4fka\";", settings.kafkaClientProperties().get("sasl.jaas.config"));
    }

    @Test
    void aRedisClusterIsNamedByItsSeedNodesOrEmbeddedWithThreeOrMoreMasters() throws IOException {
        PlatformSettings external = withDirs(Map.of(
                "FLASHSALE_REDIS_CLUSTER", "r1.internal:7000, r2.internal:7001",
                "FLASHSALE_REDIS_PASSWORD", "r3dis"));
        assertTrue(external.redis().external());
        assertTrue(external.redis().clustered());
        assertEquals("r1.internal", external.redis().host());
        assertEquals(7000, external.redis().port());
        assertEquals(0, external.redis().clusterNodes(), "nothing embedded");
        assertTrue(external.redis().tls());
        assertTrue(DomainConfiguration.jvmOptions(external).contains("-Dflashsale.redis.cluster=r1.internal:7000,r2.internal:7001"));
        assertThrows(IllegalStateException.class,
                () -> withDirs(Map.of("FLASHSALE_REDIS_CLUSTER", "r1.internal:7000")), "no password, no cluster");

        PlatformSettings embedded = withDirs(Map.of("FLASHSALE_REDIS_CLUSTER_NODES", "3"));
        assertFalse(embedded.redis().external());
        assertEquals("127.0.0.1:16379,127.0.0.1:16380,127.0.0.1:16381", embedded.redis().cluster());
        assertEquals(3, embedded.redis().clusterNodes());
        assertTrue(DomainConfiguration.jvmOptions(embedded).contains(
                "-Dflashsale.redis.cluster=127.0.0.1:16379,127.0.0.1:16380,127.0.0.1:16381"));

        assertFalse(withDirs(Map.of()).redis().clustered(), "one Redis server by default");
        assertFalse(DomainConfiguration.jvmOptions(withDirs(Map.of())).stream().anyMatch(o -> o.contains("redis.cluster")));
        IllegalStateException two = assertThrows(IllegalStateException.class,
                () -> withDirs(Map.of("FLASHSALE_REDIS_CLUSTER_NODES", "2")));
        assertTrue(two.getMessage().contains("at least 3"), two.getMessage());
    }

    @Test
    void anEmbeddedKafkaClusterHasItsBrokersOnConsecutivePortPairs() throws IOException {
        PlatformSettings settings = withDirs(Map.of("FLASHSALE_KAFKA_BROKERS", "3"));
        assertFalse(settings.kafka().external());
        assertEquals(3, settings.kafka().brokers());
        assertEquals("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096", settings.kafka().bootstrapServers());
        assertEquals(19092, settings.kafka().port(), "the first broker's port");
        assertEquals(1, withDirs(Map.of()).kafka().brokers(), "one broker by default");
        assertThrows(IllegalStateException.class, () -> withDirs(Map.of("FLASHSALE_KAFKA_BROKERS", "0")));
    }

    @Test
    void anExternalDatabaseOrRedisWithoutCredentialsIsRefused() {
        IllegalStateException database = assertThrows(IllegalStateException.class,
                () -> withDirs(Map.of("FLASHSALE_DB_HOST", "db.internal")));
        assertTrue(database.getMessage().contains("FLASHSALE_DB_USER"), database.getMessage());
        IllegalStateException redis = assertThrows(IllegalStateException.class,
                () -> withDirs(Map.of("FLASHSALE_REDIS_HOST", "cache.internal")));
        assertTrue(redis.getMessage().contains("FLASHSALE_REDIS_PASSWORD"), redis.getMessage());
        IllegalStateException kafka = assertThrows(IllegalStateException.class,
                () -> withDirs(Map.of("FLASHSALE_KAFKA_BOOTSTRAP_SERVERS", "k1:9092")));
        assertTrue(kafka.getMessage().contains("FLASHSALE_KAFKA_USERNAME"), kafka.getMessage());
    }

    @Test
    void theEmbeddedServicesGetGeneratedPasswords() throws IOException {
        PlatformSettings settings = withDirs(Map.of("FLASHSALE_WORK_DIR",
                Files.createTempDirectory("work").toString()));
        settings.secrets().prepare();
        assertTrue(settings.databasePassword().length() >= 32);
        assertTrue(settings.redisPassword().length() >= 32);
        assertTrue(settings.kafkaPassword().length() >= 32);
        assertEquals("SASL_PLAINTEXT", settings.kafkaClientProperties().get("security.protocol"));
        assertTrue(settings.secrets().payaraAdminPassword().length() >= 32);
        assertTrue(!settings.databasePassword().equals(settings.redisPassword()));
        assertEquals("jdbc:mysql://127.0.0.1:13306/flashsale?sslMode=DISABLED", settings.database().jdbcUrl());
    }

    private static PlatformSettings withDirs(Map<String, String> env) throws IOException {
        Path dir = Files.createTempDirectory("settings");
        System.setProperty("flashsale.payara.home", dir.toString());
        System.setProperty("flashsale.kafka.libs", dir.toString());
        try {
            return PlatformSettings.resolve(env);
        } finally {
            System.clearProperty("flashsale.payara.home");
            System.clearProperty("flashsale.kafka.libs");
        }
    }
}
