package io.flashsale.it.growth;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.PlatformSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the running platform made of its Kafka topics, as an operator's kafka-topics.sh would show them: every topic
 * the application uses exists with the configured partitions (4) and retention (7 days, not the broker's default).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class TopicProvisioningIT {

    private static final List<String> TOPICS = List.of("seckill.purchases", "seckill.purchases.dlq",
            "seckill.orders", "product.stock");
    private static final String SEVEN_DAYS = Long.toString(Duration.ofDays(7).toMillis());

    @Test
    void everyTopicOfTheApplicationHasTheConfiguredPartitionsAndRetention() {
        try (Admin admin = Admin.create(PlatformSession.platform().settings().kafkaClientProperties())) {
            Map<String, String> retention = Await.until("the application's topics created with their retention",
                    Duration.ofSeconds(60), () -> retentionOf(admin), found -> found.size() == TOPICS.size()
                            && found.values().stream().allMatch(SEVEN_DAYS::equals));
            assertEquals(TOPICS.size(), retention.size(), retention.toString());
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            topics.values().forEach(topic -> assertTrue(topic.partitions().size() >= 4,
                    topic.name() + " has " + topic.partitions().size() + " partitions"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> retentionOf(Admin admin) {
        try {
            List<ConfigResource> resources = TOPICS.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            return configs.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                    e -> e.getValue().get(TopicConfig.RETENTION_MS_CONFIG).value()));
        } catch (Exception notYet) {
            return Map.of();
        }
    }
}
