package io.flashsale.platform.dataservices;

import io.flashsale.platform.PlatformSettings.KafkaEndpoint;
import io.flashsale.platform.Secrets;
import io.flashsale.platform.dataservices.EmbeddedKafka.Quorum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Kafka cluster of N KRaft nodes (each broker and controller), on consecutive port pairs from the configured ones
 * (19092/19093, 19094/19095, ...): every topic is replicated to 3 of them (fewer when N is smaller) and an
 * {@code acks=all} write needs 2 in sync, so one broker can die without losing an acknowledged record.
 */
public final class EmbeddedKafkaCluster implements DataService {

    private final List<EmbeddedKafka> nodes = new ArrayList<>();

    public EmbeddedKafkaCluster(KafkaEndpoint endpoint, int brokers, Supplier<String> password, Path libs, Path dir,
                                Path logDir) {
        int replicas = Math.min(3, brokers);
        String voters = IntStream.range(0, brokers)
                .mapToObj(node -> (node + 1) + "@127.0.0.1:" + controllerPort(endpoint, node))
                .collect(Collectors.joining(","));
        Quorum quorum = new Quorum(voters, EmbeddedKafka.clusterId(), Secrets.randomSecret(24), replicas,
                Math.max(1, replicas - 1));
        for (int node = 0; node < brokers; node++) {
            nodes.add(new EmbeddedKafka("kafka-" + (node + 1), node + 1, brokerPort(endpoint.port(), node),
                    controllerPort(endpoint, node), endpoint.username(), password, quorum, libs,
                    dir.resolve("node-" + (node + 1)), logDir.resolve("kafka-" + (node + 1) + ".log")));
        }
    }

    private static int controllerPort(KafkaEndpoint endpoint, int node) {
        return endpoint.controllerPort() + 2 * node;
    }

    private static int brokerPort(int firstPort, int node) {
        return firstPort + 2 * node;
    }

    /** The bootstrap servers this cluster's clients use (every broker). */
    public static String bootstrapServers(String host, int firstPort, int brokers) {
        return IntStream.range(0, brokers).mapToObj(node -> host + ":" + brokerPort(firstPort, node))
                .collect(Collectors.joining(","));
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String endpoint() {
        return nodes.stream().map(EmbeddedKafka::endpoint).collect(Collectors.joining(","));
    }

    /** The brokers, to stop or kill one by one. */
    public List<EmbeddedKafka> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        for (EmbeddedKafka node : nodes) {
            node.launch(); // together: a node waits for a quorum of controllers before it serves
        }
        for (EmbeddedKafka node : nodes) {
            node.awaitStarted();
        }
    }

    @Override
    public synchronized void stop() {
        nodes.forEach(EmbeddedKafka::stop);
    }

    @Override
    public synchronized boolean running() {
        return nodes.stream().anyMatch(EmbeddedKafka::running);
    }
}
