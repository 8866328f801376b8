package io.flashsale.platform.dataservices;

import io.flashsale.platform.PlatformSettings.KafkaEndpoint;
import io.flashsale.platform.Secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one process), run in its own JVM from the kafka_2.13
 * jars of Maven Central: alone, or one node of an {@link EmbeddedKafkaCluster}. Every listener, the controller's too,
 * asks for a SASL login (PLAIN, over loopback): the application's user with its generated password, and the brokers'
 * own user (a fresh password for every run of the platform) for their connections to each other.
 */
public final class EmbeddedKafka implements DataService {

    private final String name;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String username;
    private final Supplier<String> password;
    private final Quorum quorum;
    private final Path libs;
    private final Path dir;
    private final Path log;
    private Process process;

    /**
     * What the nodes of one cluster share: the controller voters ({@code id@host:port,...}), the cluster id they are
     * formatted with, the brokers' own password, and the replication every topic gets.
     */
    record Quorum(String voters, String clusterId, String brokerPassword, int replicationFactor, int minInSyncReplicas) {

        static Quorum single(int controllerPort) {
            return new Quorum("1@127.0.0.1:" + controllerPort, EmbeddedKafka.clusterId(), Secrets.randomSecret(24),
                    1, 1);
        }
    }

    public EmbeddedKafka(KafkaEndpoint endpoint, Supplier<String> password, Path libs, Path dir, Path logDir) {
        this("kafka", 1, endpoint.port(), endpoint.controllerPort(), endpoint.username(), password,
                Quorum.single(endpoint.controllerPort()), libs, dir, logDir.resolve("kafka.log"));
    }

    EmbeddedKafka(String name, int nodeId, int port, int controllerPort, String username, Supplier<String> password,
                  Quorum quorum, Path libs, Path dir, Path log) {
        this.name = name;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.username = username;
        this.password = password;
        this.quorum = quorum;
        this.libs = libs;
        this.dir = dir;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        launch();
        awaitStarted();
    }

    /** Starts the process without waiting: the nodes of a cluster wait for a quorum, so they start together. */
    synchronized void launch() throws IOException, InterruptedException {
        Ports.requireFree("Kafka", port);
        Ports.requireFree("Kafka controller", controllerPort);
        Files.createDirectories(dir);
        Files.createDirectories(log.getParent());
        Path properties = writeServerProperties();
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            format(properties);
        }
        Files.deleteIfExists(log);
        process = java("kafka.Kafka", properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    void awaitStarted() {
        Process started = process;
        Ports.await(name, Duration.ofSeconds(90), () -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited with " + started.exitValue() + ", see " + log);
            }
            return Ports.accepting("127.0.0.1", port) && logSays("Kafka Server started");
        });
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    private Path writeServerProperties() throws IOException {
        String host = "127.0.0.1";
        String brokerPassword = quorum.brokerPassword();
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\""
                + brokerPassword + "\" user_broker=\"" + brokerPassword + "\" user_" + username + "=\""
                + password.get() + "\";";
        String replicas = Integer.toString(quorum.replicationFactor());
        String minInSync = Integer.toString(quorum.minInSyncReplicas());
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + quorum.voters(),
                "listeners=SASL_PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas,
                "listener.name.controller.plain.sasl.jaas.config=" + jaas,
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=4",
                "auto.create.topics.enable=true",
                // every topic, the application's and Kafka's own, on replicationFactor brokers; an acks=all write
                // is acknowledged once minInSyncReplicas of them have it (one broker may die without a loss)
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = dir.resolve("server.properties");
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // it holds passwords
        }
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    private void format(Path properties) throws IOException, InterruptedException {
        Process format = java("kafka.tools.StorageTool", "format", "-t", quorum.clusterId(), "-c",
                properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed, see " + log);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.level=WARN",
                "-Dkafka.logs.dir=" + log.getParent(),
                "-cp", libs.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private boolean logSays(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Kafka's own format: 16 random bytes, URL-safe base64, not starting with '-' (argparse would take a flag). */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        String id;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
