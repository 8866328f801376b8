package io.flashsale.platform;

import io.flashsale.platform.dataservices.EmbeddedKafkaCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where the platform lives and which data services it talks to. Every value comes from a system property
 * ({@code flashsale.db.host}) or the matching environment variable ({@code FLASHSALE_DB_HOST}), else a default.
 * Naming an external database, Redis or Kafka turns the embedded one off; an external database or Redis must be
 * given credentials (the platform refuses to start without) and is reached over TLS unless told otherwise. The
 * embedded ones get generated passwords ({@link Secrets}).
 */
public record PlatformSettings(Path workDir, Path payaraHome, Path kafkaLibs, Path earFile,
                               int httpPort, int adminPort, Instances instances,
                               DatabaseEndpoint database, RedisEndpoint redis, KafkaEndpoint kafka) {

    /** {@code password} null: the embedded database's generated one ({@link #databasePassword()}). */
    public record DatabaseEndpoint(String host, int port, String name, String user, String password, String sslMode,
                                   int lockWaitTimeoutSeconds, boolean external) {

        /** What Connector/J needs besides user and password: no public-key retrieval, TLS as configured. */
        public String jdbcUrl() {
            return "jdbc:mysql://" + host + ":" + port + "/" + name + "?sslMode=" + sslMode;
        }
    }

    /**
     * {@code password} null: the embedded Redis's generated one ({@link #redisPassword()}). {@code cluster}: the seed
     * nodes ({@code host:port,...}) of a Redis Cluster, null for one Redis server; {@code clusterNodes}: how many
     * masters the embedded cluster has (on consecutive ports from {@code port}), 0 when none is embedded.
     */
    public record RedisEndpoint(String host, int port, String password, boolean tls, boolean external,
                                String cluster, int clusterNodes) {

        public boolean clustered() {
            return cluster != null;
        }
    }

    /**
     * SASL on every connection: the embedded broker with PLAIN over loopback ({@code password} null: the generated
     * one, {@link #kafkaPassword()}); an external one by default with SCRAM over TLS.
     */
    public record KafkaEndpoint(String bootstrapServers, int controllerPort, String securityProtocol,
                                String saslMechanism, String username, String password, boolean external,
                                int brokers) {

        /** The JAAS login module of the SASL mechanism (PLAIN, or SCRAM-SHA-256/512). */
        public String loginModule() {
            return saslMechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
        }

        public int port() {
            String first = bootstrapServers.split(",")[0].strip();
            return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        }
    }

    /**
     * The Payara instances that run the application. {@code count} 1: the domain's own server (the DAS) runs it on
     * the HTTP port. More: a deployment group of that many instances runs it, instance {@code i} (from 1) with its
     * ports from {@code portBase + 100 * (i - 1)} (HTTP on {@code + 80}), and the DAS only administers them; the
     * example load balancer spreads requests over them on {@code loadBalancerPort}.
     */
    public record Instances(int count, int portBase, int loadBalancerPort) {

        public static final int PORTS_PER_INSTANCE = 100;

        public boolean group() {
            return count > 1;
        }

        public int portBase(int instance) {
            return portBase + PORTS_PER_INSTANCE * (instance - 1);
        }

        public int httpPort(int instance) {
            return portBase(instance) + 80;
        }

        public String name(int instance) {
            return "flashsale-" + instance;
        }
    }

    public static PlatformSettings resolve() {
        return resolve(System.getenv());
    }

    /** The settings an environment (variable name to value) gives, system properties still first. */
    public static PlatformSettings resolve(Map<String, String> env) {
        Lookup lookup = new Lookup(env);
        Path workDir = Path.of(lookup.get("flashsale.work.dir", "work")).toAbsolutePath().normalize();

        String dbHost = lookup.get("flashsale.db.host", null);
        DatabaseEndpoint database = new DatabaseEndpoint(
                dbHost == null ? "127.0.0.1" : dbHost,
                Integer.parseInt(lookup.get("flashsale.db.port", dbHost == null ? "13306" : "3306")),
                lookup.get("flashsale.db.name", "flashsale"),
                dbHost == null ? lookup.get("flashsale.db.user", "flashsale") : required(lookup, "flashsale.db.user"),
                dbHost == null ? lookup.get("flashsale.db.password", null) : required(lookup, "flashsale.db.password"),
                lookup.get("flashsale.db.ssl-mode", dbHost == null ? "DISABLED" : "REQUIRED"),
                Integer.parseInt(lookup.get("flashsale.db.lock-wait-timeout-seconds", "3")),
                dbHost != null);

        String redisCluster = lookup.get("flashsale.redis.cluster", null);
        if (redisCluster != null) {
            redisCluster = redisCluster.replaceAll("\\s", "");
        }
        String redisHost = redisCluster != null ? seed(redisCluster)[0]
                : lookup.get("flashsale.redis.host", null);
        boolean redisExternal = redisHost != null;
        int redisPort = redisCluster != null ? Integer.parseInt(seed(redisCluster)[1])
                : Integer.parseInt(lookup.get("flashsale.redis.port", redisExternal ? "6379" : "16379"));
        int embeddedClusterNodes = redisExternal ? 0
                : Integer.parseInt(lookup.get("flashsale.redis.cluster-nodes", "0"));
        if (embeddedClusterNodes != 0 && embeddedClusterNodes < 3) {
            throw new IllegalStateException("FLASHSALE_REDIS_CLUSTER_NODES must be 0 (one Redis server) or at least"
                    + " 3 (a Redis Cluster needs 3 masters), not " + embeddedClusterNodes);
        }
        if (embeddedClusterNodes > 0) {
            redisCluster = IntStream.range(0, embeddedClusterNodes).mapToObj(node -> "127.0.0.1:" + (redisPort + node))
                    .collect(Collectors.joining(","));
        }
        RedisEndpoint redis = new RedisEndpoint(
                redisExternal ? redisHost : "127.0.0.1",
                redisPort,
                redisExternal ? required(lookup, "flashsale.redis.password")
                        : lookup.get("flashsale.redis.password", null),
                Boolean.parseBoolean(lookup.get("flashsale.redis.tls", Boolean.toString(redisExternal))),
                redisExternal,
                redisCluster,
                embeddedClusterNodes);

        String kafkaServers = lookup.get("flashsale.kafka.bootstrap.servers", null);
        int kafkaBrokers = kafkaServers != null ? 0 : Integer.parseInt(lookup.get("flashsale.kafka.brokers", "1"));
        if (kafkaServers == null && kafkaBrokers < 1) {
            throw new IllegalStateException("FLASHSALE_KAFKA_BROKERS must be 1 or more, not " + kafkaBrokers);
        }
        KafkaEndpoint kafka = new KafkaEndpoint(
                kafkaServers != null ? kafkaServers
                        : EmbeddedKafkaCluster.bootstrapServers("127.0.0.1", 19092, kafkaBrokers),
                Integer.parseInt(lookup.get("flashsale.kafka.controller.port", "19093")),
                lookup.get("flashsale.kafka.security-protocol", kafkaServers == null ? "SASL_PLAINTEXT" : "SASL_SSL"),
                lookup.get("flashsale.kafka.sasl-mechanism", kafkaServers == null ? "PLAIN" : "SCRAM-SHA-512"),
                kafkaServers == null ? lookup.get("flashsale.kafka.username", "flashsale")
                        : required(lookup, "flashsale.kafka.username"),
                kafkaServers == null ? lookup.get("flashsale.kafka.password", null)
                        : required(lookup, "flashsale.kafka.password"),
                kafkaServers != null,
                kafkaBrokers);

        return new PlatformSettings(
                workDir,
                existing(lookup.get("flashsale.payara.home", "server-config/target/payara/payara6")),
                existing(lookup.get("flashsale.kafka.libs", "server-config/target/kafka-libs")),
                Path.of(lookup.get("flashsale.ear", "ear/target/flashsale.ear")).toAbsolutePath(),
                Integer.parseInt(lookup.get("flashsale.http.port", "8080")),
                Integer.parseInt(lookup.get("flashsale.admin.port", "4848")),
                instances(lookup),
                database, redis, kafka);
    }

    private static Instances instances(Lookup lookup) {
        int count = Integer.parseInt(lookup.get("flashsale.instances", "1"));
        if (count < 1) {
            throw new IllegalStateException("FLASHSALE_INSTANCES must be 1 or more, not " + count);
        }
        return new Instances(count, Integer.parseInt(lookup.get("flashsale.instances.port-base", "28000")),
                Integer.parseInt(lookup.get("flashsale.load-balancer.port", "8000")));
    }

    /** The same platform run by {@code count} Payara instances (1: the DAS alone). */
    public PlatformSettings withInstances(int count) {
        return new PlatformSettings(workDir, payaraHome, kafkaLibs, earFile, httpPort, adminPort,
                new Instances(count, instances.portBase(), instances.loadBalancerPort()), database, redis, kafka);
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Secrets secrets() {
        return new Secrets(workDir.resolve("secrets"));
    }

    /** The configured database password, else the embedded database's generated one (after Secrets.prepare). */
    public String databasePassword() {
        return database.password() != null ? database.password() : secrets().databasePassword();
    }

    /** The configured Redis password, else the embedded Redis's generated one (after Secrets.prepare). */
    public String redisPassword() {
        return redis.password() != null ? redis.password() : secrets().redisPassword();
    }

    /** The configured Kafka password, else the embedded broker's generated one (after Secrets.prepare). */
    public String kafkaPassword() {
        return kafka.password() != null ? kafka.password() : secrets().kafkaPassword();
    }

    /** What a Kafka client of the platform needs besides serializers: servers and its SASL login. */
    public Map<String, Object> kafkaClientProperties() {
        return Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "security.protocol", kafka.securityProtocol(),
                "sasl.mechanism", kafka.saslMechanism(),
                "sasl.jaas.config", kafka.loginModule() + " required username=\"" + kafka.username()
                        + "\" password=\"" + kafkaPassword() + "\";");
    }

    /** Host and port of the first of {@code host:port,...}. */
    private static String[] seed(String nodes) {
        String first = nodes.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("FLASHSALE_REDIS_CLUSTER is host:port,host:port,...; not " + nodes);
        }
        return new String[] {first.substring(0, colon), first.substring(colon + 1)};
    }

    private static String required(Lookup lookup, String property) {
        String value = lookup.get(property, null);
        if (value == null) {
            throw new IllegalStateException(property + " (" + Lookup.variable(property) + ") is required with an"
                    + " external service: the platform does not connect to one without credentials");
        }
        return value;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** Where the application answers: the DAS's HTTP port, or every instance of the deployment group. */
    public List<String> httpBaseUrls() {
        if (!instances.group()) {
            return List.of("http://127.0.0.1:" + httpPort);
        }
        return IntStream.rangeClosed(1, instances.count())
                .mapToObj(instance -> "http://127.0.0.1:" + instances.httpPort(instance)).toList();
    }

    /** The example load balancer in front of a deployment group ({@link Instances}). */
    public String loadBalancerUrl() {
        return "http://127.0.0.1:" + instances.loadBalancerPort();
    }

    /** The first of {@link #httpBaseUrls()}: one address that runs the application. */
    public String httpBaseUrl() {
        return httpBaseUrls().get(0);
    }

    private static Path existing(String path) {
        Path resolved = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved)) {
            throw new IllegalStateException(resolved + " does not exist: build the project first (./mvnw install)");
        }
        return resolved;
    }

    private record Lookup(Map<String, String> env) {

        String get(String property, String fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = env.get(variable(property));
            }
            return value == null || value.isBlank() ? fallback : value;
        }

        static String variable(String property) {
            return property.toUpperCase().replace('.', '_').replace('-', '_');
        }
    }
}
