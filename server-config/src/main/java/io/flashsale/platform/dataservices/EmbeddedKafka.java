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
 * A real single-node Kafka broker in KRaft mode, run in its own JVM from the kafka_2.13 jars of Maven Central. Every
 * listener, the controller's too, asks for a SASL login (PLAIN, over loopback): the application's user with its
 * generated password, and the broker's own user (a fresh password at every start) for its connections to itself.
 */
public final class EmbeddedKafka implements DataService {

    private final KafkaEndpoint endpoint;
    private final Supplier<String> password;
    private final Path libs;
    private final Path dir;
    private final Path log;
    private Process process;

    public EmbeddedKafka(KafkaEndpoint endpoint, Supplier<String> password, Path libs, Path dir, Path logDir) {
        this.endpoint = endpoint;
        this.password = password;
        this.libs = libs;
        this.dir = dir;
        this.log = logDir.resolve("kafka.log");
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String endpoint() {
        return endpoint.bootstrapServers();
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        Ports.requireFree("Kafka", endpoint.port());
        Ports.requireFree("Kafka controller", endpoint.controllerPort());
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
        Ports.await("Kafka", Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + log);
            }
            return Ports.accepting("127.0.0.1", endpoint.port()) && logSays("Kafka Server started");
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
        String brokerPassword = Secrets.randomSecret(24);
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\""
                + brokerPassword + "\" user_broker=\"" + brokerPassword + "\" user_" + endpoint.username() + "=\""
                + password.get() + "\";";
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + endpoint.controllerPort(),
                "listeners=SASL_PLAINTEXT://" + host + ":" + endpoint.port() + ",CONTROLLER://" + host + ":"
                        + endpoint.controllerPort(),
                "advertised.listeners=SASL_PLAINTEXT://" + host + ":" + endpoint.port(),
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
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
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
        Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", properties.toString())
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
    private static String clusterId() {
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
