package io.flashsale.it.scaleout;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.Processes;
import io.flashsale.platform.Directories;
import io.flashsale.platform.PlatformSettings.KafkaEndpoint;
import io.flashsale.platform.dataservices.EmbeddedKafka;
import io.flashsale.platform.dataservices.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's own 3-broker KRaft cluster ({@link EmbeddedKafkaCluster}) keeps every acknowledged record when a
 * broker is SIGKILLed mid-stream: topics are replicated 3 times, an {@code acks=all} write needs 2 in sync, and the
 * producer is configured as the application's purchase producer (idempotent, acks=all, each send awaited as the
 * purchase endpoint awaits it). A second cluster beside the suite's platform, on its own ports.
 */
class KafkaClusterIT {

    private static final String TOPIC = "seckill.purchases";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Path.of(System.getProperty("flashsale.work.dir", "target/work")).resolveSibling("kafka-cluster-it");
        Directories.deleteRecursively(dir);
        KafkaEndpoint endpoint = new KafkaEndpoint(EmbeddedKafkaCluster.bootstrapServers("127.0.0.1", 19192, 3),
                19193, "SASL_PLAINTEXT", "PLAIN", "flashsale", PASSWORD, false, 3);
        cluster = new EmbeddedKafkaCluster(endpoint, 3, () -> PASSWORD,
                Path.of(System.getProperty("flashsale.kafka.libs")), dir, dir.resolve("logs"));
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void aBrokerKilledMidStreamLosesNoAcknowledgedRecordAndDuplicatesNone() throws Exception {
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", "warm-up")).get(60, TimeUnit.SECONDS);
            try (Admin admin = Admin.create(clientConfig())) {
                TopicDescription topic = describe(admin);
                for (TopicPartitionInfo partition : topic.partitions()) {
                    assertEquals(3, partition.replicas().size(), "every partition on 3 brokers: " + partition);
                }
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertEquals("2", config.get("min.insync.replicas").value());
            }
            for (int sender = 0; sender < 4; sender++) {
                senders.submit(() -> {
                    while (sending.get()) {
                        String id = UUID.randomUUID().toString();
                        try {
                            producer.send(new ProducerRecord<>(TOPIC, id, id)).get(60, TimeUnit.SECONDS);
                            acked.put(id, 1);
                        } catch (Exception refused) {
                            failed.incrementAndGet(); // the application answers these 503 and undoes the hold
                        }
                    }
                    return null;
                });
            }
            Await.until("records acknowledged before the kill", Duration.ofSeconds(60), acked::size, n -> n >= 500);
            EmbeddedKafka victim = leaderOfPartitionZero();
            Processes.kill(victim.pid());
            final int atKill = acked.size();
            Await.until("records acknowledged after the kill", Duration.ofSeconds(90), acked::size,
                    n -> n >= atKill + 1_000);
            sending.set(false);
            senders.shutdown();
            assertTrue(senders.awaitTermination(90, TimeUnit.SECONDS));

            // read while the victim is still down: what was acknowledged is on the surviving replicas
            Map<String, Integer> stored = readAll();
            List<String> lost = acked.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
            assertEquals(List.of(), lost, "acknowledged records lost (" + acked.size() + " acknowledged)");
            List<String> twice = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            assertEquals(List.of(), twice, "records stored twice");
            System.out.printf("[KafkaClusterIT] %s SIGKILLed: %d acknowledged (%d before the kill), %d refused, all"
                    + " %d on the 2 survivors, none twice%n", victim.name(), acked.size(), atKill, failed.get(),
                    acked.size());

            victim.stop();
            victim.start();
            try (Admin admin = Admin.create(clientConfig())) {
                Await.until("the restarted broker back in every partition's in-sync replicas", Duration.ofSeconds(90),
                        () -> minInSync(admin), n -> n == 3);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static EmbeddedKafka leaderOfPartitionZero() throws Exception {
        try (Admin admin = Admin.create(clientConfig())) {
            int leader = describe(admin).partitions().get(0).leader().id();
            return cluster.nodes().get(leader - 1);
        }
    }

    private static int minInSync(Admin admin) {
        try {
            return describe(admin).partitions().stream().mapToInt(p -> p.isr().size()).min().orElse(0);
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC);
    }

    /** Every record of the topic, by key. No consumer group: its offsets topic would need 3 live brokers. */
    private static Map<String, Integer> readAll() {
        Map<String, Object> config = clientConfig();
        config.putAll(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        Map<String, Integer> stored = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(90);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    stored.merge(record.key(), 1, Integer::sum);
                }
            }
        }
        return stored;
    }

    /** As the application's purchase producer (microprofile-config.properties): acks=all, idempotent. */
    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = clientConfig();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return config;
    }

    private static Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of(
                "bootstrap.servers", cluster.endpoint(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"flashsale\" password=\"" + PASSWORD + "\";"));
    }
}
