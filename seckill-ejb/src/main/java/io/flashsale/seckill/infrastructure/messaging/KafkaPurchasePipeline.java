package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.seckill.application.port.PurchasePipeline;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.shared.infrastructure.messaging.KafkaClientSecurity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The order writer's consumer lag on seckill.purchases, from the broker's committed and end offsets. */
@ApplicationScoped
public class KafkaPurchasePipeline implements PurchasePipeline {

    private static final String TOPIC = "seckill.purchases";

    @Inject
    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "mp.messaging.incoming.seckill-purchases-in.group.id")
    String groupId;

    private Admin admin;

    @Override
    public long backlog() {
        Map<Integer, Long> committed = committed();
        return ends().entrySet().stream().mapToLong(end -> end.getValue() - committed.getOrDefault(end.getKey(), 0L))
                .sum();
    }

    @Override
    public Mark mark() {
        Instant now = Instant.now();
        return new Mark(ends(), now);
    }

    @Override
    public Mark consumed() {
        Instant now = Instant.now();
        return new Mark(committed(), now);
    }

    private Map<Integer, Long> committed() {
        return kafka(() -> admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS).entrySet().stream()
                .filter(partition -> partition.getKey().topic().equals(TOPIC) && partition.getValue() != null)
                .collect(Collectors.toMap(partition -> partition.getKey().partition(),
                        partition -> partition.getValue().offset())));
    }

    private Map<Integer, Long> ends() {
        return kafka(() -> {
            Map<TopicPartition, OffsetSpec> partitions = admin().describeTopics(List.of(TOPIC))
                    .allTopicNames().get(5, TimeUnit.SECONDS).get(TOPIC).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(partitions).all()
                    .get(5, TimeUnit.SECONDS);
            return ends.entrySet().stream().collect(Collectors.toMap(end -> end.getKey().partition(),
                    end -> end.getValue().offset()));
        });
    }

    private interface KafkaCall<T> {
        T call() throws Exception;
    }

    private static <T> T kafka(KafkaCall<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ServiceUnavailableException("kafka", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClientSecurity.with(ConfigProvider.getConfig(), Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.CLIENT_ID_CONFIG, "order-writer-lag")));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
