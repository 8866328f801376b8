package io.flashsale.seckill.infrastructure.messaging;

import io.flashsale.shared.infrastructure.messaging.KafkaClientSecurity;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;

/**
 * Creates the application's Kafka topics (every {@code mp.messaging.*.topic} configured) when it starts, with
 * {@code flashsale.kafka.topics.partitions} partitions, {@code flashsale.kafka.topics.replication-factor} replicas
 * (the brokers' default when unset) and {@code flashsale.kafka.topics.retention-hours} of retention, instead of
 * leaving them to a broker's auto-creation (which production brokers turn off). A topic that exists keeps its
 * partitions (adding some would move keys, and so reorder an order's events) and gets the configured retention.
 * A Kafka that cannot be reached is logged: the application starts anyway, as it does without Kafka. It lives in an
 * EJB module because the container injects its executor there, not into the EAR's library jars.
 */
@ApplicationScoped
public class TopicProvisioning {

    private static final Logger LOG = Logger.getLogger(TopicProvisioning.class.getName());
    private static final long TIMEOUT_SECONDS = 10;
    private static final int ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MILLIS = 2_000;

    @Resource
    ManagedExecutorService executor;

    /**
     * Off the deployment's thread: a Kafka that does not answer must not hold the start up. Retried a few times: right
     * after a broker's first start, a topic just created (by us or by a client's first use) can be unknown to the
     * next call for a moment (growth benchmark: {@code UnknownTopicOrPartitionException}, once; what came after that
     * call in the run, the retention and the partition check, was then skipped).
     */
    void provisionWithApplication(@Observes Startup startup) {
        executor.execute(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    provision(ConfigProvider.getConfig());
                    return;
                } catch (RuntimeException | ExecutionException | TimeoutException e) {
                    if (attempt == ATTEMPTS) {
                        LOG.log(Level.WARNING, "could not create or check the Kafka topics ({0} attempts): {1}",
                                new Object[] {ATTEMPTS, e.toString()});
                        return;
                    }
                    LOG.log(Level.INFO, "Kafka topics not provisioned yet, retrying: {0}", e.toString());
                    pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void provision(Config config) throws ExecutionException, InterruptedException,
            TimeoutException {
        int partitions = config.getValue("flashsale.kafka.topics.partitions", Integer.class);
        Optional<Short> replicas = config.getOptionalValue("flashsale.kafka.topics.replication-factor", Short.class);
        long retentionMillis = Duration.ofHours(config.getOptionalValue("flashsale.kafka.topics.retention-hours",
                Long.class).orElse(168L)).toMillis();
        Set<String> topics = configuredTopics(config);
        try (Admin admin = Admin.create(KafkaClientSecurity.with(config, Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getValue("mp.messaging.connector.smallrye-kafka.bootstrap.servers", String.class),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioning")))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), replicas)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMillis))));
                }
            }
            create(admin, missing);
            keepRetention(admin, topics, retentionMillis);
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
                if (topic.partitions().size() < partitions) {
                    LOG.log(Level.WARNING, "Kafka topic {0} has {1} partitions, fewer than the {2} configured; left"
                            + " as it is (kafka-topics.sh --alter adds them)", new Object[] {topic.name(),
                            topic.partitions().size(), partitions});
                }
            }
            LOG.log(Level.INFO, "Kafka topics {0}: {1} created ({2} partitions), retention {3} h", new Object[] {
                    topics, missing.size(), partitions, retentionMillis / 3_600_000});
        }
    }

    private static void create(Admin admin, Collection<NewTopic> missing) throws InterruptedException,
            TimeoutException, ExecutionException {
        for (var created : admin.createTopics(missing).values().values()) {
            try {
                created.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // another instance, or a client's auto-creation
                    throw e;
                }
            }
        }
    }

    private static void keepRetention(Admin admin, Set<String> topics, long retentionMillis)
            throws InterruptedException, TimeoutException, ExecutionException {
        AlterConfigOp retention = new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(retentionMillis)), AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        topics.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(retention)));
        admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Set<String> configuredTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.") && name.endsWith(".topic"))
                .forEach(name -> config.getOptionalValue(name, String.class).ifPresent(topics::add));
        return topics;
    }
}
