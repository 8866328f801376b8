package io.flashsale.web.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import io.flashsale.shared.infrastructure.messaging.KafkaClientSecurity;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Map;

@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = "flashsale.health.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    @Resource
    ManagedExecutorService executor;

    private Admin admin;

    @PostConstruct
    void open() {
        int timeout = (int) timeoutMillis;
        admin = Admin.create(KafkaClientSecurity.with(ConfigProvider.getConfig(), Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "flashsale-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000)));
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }

    @Override
    public HealthCheckResponse call() {
        return TimeLimitedCheck.run("kafka", executor, Duration.ofMillis(timeoutMillis), () -> {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis))
                    .nodes().get().size();
            if (nodes == 0) {
                throw new IllegalStateException("no broker in the cluster");
            }
            return bootstrapServers;
        });
    }
}
