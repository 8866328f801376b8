package io.flashsale.platform;

import io.flashsale.platform.dataservices.DataService;
import io.flashsale.platform.dataservices.EmbeddedKafka;
import io.flashsale.platform.dataservices.EmbeddedKafkaCluster;
import io.flashsale.platform.dataservices.EmbeddedMariaDb;
import io.flashsale.platform.dataservices.EmbeddedRedis;
import io.flashsale.platform.dataservices.EmbeddedRedisCluster;
import io.flashsale.platform.dataservices.Ports;
import io.flashsale.platform.loadbalancer.LoadBalancer;
import io.flashsale.platform.payara.PayaraDomain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: the embedded data services that are not replaced by external ones, and the
 * Payara domain. Used by the run command, the in-container tests and the benchmarks alike.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final List<DataService> embedded = new ArrayList<>();
    private final PayaraDomain domain;
    private final LoadBalancer loadBalancer;
    private volatile boolean closed;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
        if (!settings.database().external()) {
            embedded.add(new EmbeddedMariaDb(settings.database(), settings::databasePassword,
                    settings.dataDir().resolve("mariadb"),
                    settings.workDir().resolve("mariadb-base")));
        }
        if (settings.redis().clusterNodes() > 0) {
            embedded.add(new EmbeddedRedisCluster(settings.redis(), settings::redisPassword,
                    settings.dataDir().resolve("redis-cluster")));
        } else if (!settings.redis().external()) {
            embedded.add(new EmbeddedRedis(settings.redis(), settings::redisPassword,
                    settings.dataDir().resolve("redis")));
        }
        if (settings.kafka().brokers() > 1) {
            embedded.add(new EmbeddedKafkaCluster(settings.kafka(), settings.kafka().brokers(),
                    settings::kafkaPassword, settings.kafkaLibs(), settings.dataDir().resolve("kafka-cluster"),
                    settings.logDir()));
        } else if (!settings.kafka().external()) {
            embedded.add(new EmbeddedKafka(settings.kafka(), settings::kafkaPassword, settings.kafkaLibs(),
                    settings.dataDir().resolve("kafka"), settings.logDir()));
        }
        this.domain = new PayaraDomain(settings);
        this.loadBalancer = settings.instances().group()
                ? new LoadBalancer("127.0.0.1", settings.instances().loadBalancerPort(), settings.httpBaseUrls())
                : null;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public PayaraDomain domain() {
        return domain;
    }

    /** An embedded service by name (database, redis, kafka); empty when that one is external. */
    public Optional<DataService> embedded(String name) {
        return embedded.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** Deletes the embedded services' data (databases, topics): tests start from nothing. */
    public void resetData() {
        Directories.deleteRecursively(settings.dataDir());
    }

    /**
     * Starts the data services and provisions the Payara domain side by side (the domain needs the database only
     * when the application is deployed); on failure everything started is stopped again.
     */
    public void start() {
        settings.secrets().prepare();
        if (loadBalancer != null) {
            Ports.requireFree("load balancer", settings.instances().loadBalancerPort());
            loadBalancer.start();
            log("load balancer on %s over %s", settings.loadBalancerUrl(), settings.httpBaseUrls());
        }
        CompletableFuture<Void> domainReady = CompletableFuture.runAsync(this::provisionDomain);
        try {
            startDataServices();
            domainReady.join();
        } catch (RuntimeException e) {
            domainReady.exceptionally(ignored -> null).join();
            close();
            throw e;
        }
    }

    private void startDataServices() {
        List<CompletableFuture<Void>> starts = embedded.stream()
                .map(service -> CompletableFuture.runAsync(() -> {
                    try {
                        long t0 = System.nanoTime();
                        service.start();
                        log("%s started on %s in %d ms", service.name(), service.endpoint(),
                                (System.nanoTime() - t0) / 1_000_000);
                    } catch (Exception e) {
                        throw new IllegalStateException(service.name() + " failed to start: " + e.getMessage(), e);
                    }
                }))
                .toList();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    private void provisionDomain() {
        long t0 = System.nanoTime();
        domain.provision();
        log("Payara domain '%s' created and configured in %d ms", PayaraDomain.NAME,
                (System.nanoTime() - t0) / 1_000_000);
    }

    public void deploy() {
        long t0 = System.nanoTime();
        domain.deploy(settings.earFile());
        log("%s deployed in %d ms", settings.earFile().getFileName(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Waits until /health/ready answers 200 on every server that runs the application (start-domain and deploy
     * return before the application is ready).
     */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String base : settings.httpBaseUrls()) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            Ports.await(base + "/health/ready", timeout, () -> {
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /** Stops Payara first (it holds connections to the others), then the data services; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loadBalancer != null) {
            loadBalancer.close();
        }
        domain.stop();
        List<DataService> reversed = new ArrayList<>(embedded);
        Collections.reverse(reversed);
        for (DataService service : reversed) {
            service.stop();
            log("%s stopped", service.name());
        }
    }

    public static void log(String format, Object... args) {
        System.out.println("[flashsale] " + String.format(format, args));
    }
}
