package io.flashsale.benchmarks;

import io.flashsale.benchmarks.BenchmarkClient.Account;
import io.flashsale.client.model.NewActivity;
import io.flashsale.platform.Platform;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Purchases with units on sale, and the no-op endpoint, on the platform run by one Payara instance and then by a
 * deployment group of two ({@code -Dbenchmark.only=scaleout}; {@link Benchmarks} starts each platform). With two, the
 * connections are split evenly over the instances, as a round-robin load balancer splits them, and every request
 * number k is used once across both (each a first purchase of its buyer in its sale). Everything shares the same
 * 2 cores, so the run shows what a second JVM costs, not what a second machine gives.
 */
final class ScaleOutBenchmark {

    static final int CONNECTIONS = 256;
    private static final double WARM_UP_SECONDS = 2;
    private static final int PRODUCT_STOCK = 1_000_000_000;
    private static final int PAYMENT_WINDOW_SECONDS = 604_800;

    private final BenchmarkClient client;
    private final Account admin;
    private final List<Account> buyers;
    private final long product;
    private final List<HttpLoad> instances;

    private ScaleOutBenchmark(Platform platform) throws Exception {
        this.client = new BenchmarkClient(platform.settings());
        this.admin = client.admin();
        this.buyers = BenchmarkClient.inFourThreads(Collections.<Callable<Account>>nCopies(
                Integer.getInteger("benchmark.buyers", 1024), client::newCustomer));
        this.product = client.createProduct(admin, PRODUCT_STOCK);
        this.instances = platform.settings().httpBaseUrls().stream().map(URI::create)
                .map(url -> new HttpLoad(url.getHost(), url.getPort())).toList();
    }

    /** Prints one table row per figure and returns them by name, for the comparison across platforms. */
    static Map<String, Measurement> run(Platform platform, double seconds, int repetitions, Path charts)
            throws Exception {
        ScaleOutBenchmark benchmark = new ScaleOutBenchmark(platform);
        double warmUp = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "240"));
        BenchmarkClient.renewTokens(benchmark.buyers, Duration.ofMinutes(10));
        benchmark.split(load -> load.closedLoop(BenchmarkClient.ping(), 64 / benchmark.instances.size(), 0,
                warmUp / 2, new AtomicLong()));
        benchmark.split(purchases(benchmark, warmUp / 2, 64));
        Map<String, Measurement> figures = new HashMap<>();
        BenchmarkClient.renewTokens(benchmark.buyers, Duration.ofMinutes(8));
        figures.put("no-op", LoadRun.median(repetitions, () -> benchmark.split(load -> load.closedLoop(
                BenchmarkClient.ping(), CONNECTIONS / benchmark.instances.size(), WARM_UP_SECONDS, seconds,
                new AtomicLong()))));
        figures.put("purchase", LoadRun.median(repetitions, () -> benchmark.split(
                purchases(benchmark, seconds, CONNECTIONS))));
        int n = benchmark.instances.size();
        for (Map.Entry<String, Measurement> figure : figures.entrySet()) {
            Measurement m = figure.getValue();
            System.out.printf(Locale.ROOT, "| %d instance%s | %d | %s | %.0f | %.2f | %.2f | %d | %.2f | %s |%n", n,
                    n == 1 ? "" : "s", CONNECTIONS, figure.getKey(), m.throughput(), m.p50(), m.p99(), m.errors(),
                    m.generatorCores(), m.answers().toString().replace("{", "").replace("}", ""));
        }
        return figures;
    }

    /** Opens enough sales of one unit per buyer for a run, and returns the shape that buys in them, once each. */
    private static Function<HttpLoad, Measurement> purchases(ScaleOutBenchmark benchmark, double seconds,
                                                             int connections) throws Exception {
        long requests = (long) (4000 * (WARM_UP_SECONDS + seconds)) + connections;
        int needed = (int) (requests / benchmark.buyers.size()) + 2;
        long[] activities = new long[needed];
        for (int i = 0; i < needed; i++) {
            Instant now = Instant.now();
            activities[i] = benchmark.client.createActivity(benchmark.admin, new NewActivity(benchmark.product,
                    new BigDecimal("9.99"), benchmark.buyers.size(), 1, now.minusSeconds(5),
                    now.plus(Duration.ofHours(3)), PAYMENT_WINDOW_SECONDS));
        }
        HttpLoad.Shape shape = new SeckillPurchaseBenchmark.Purchases(
                SeckillPurchaseBenchmark.tokens(benchmark.buyers), activities, 202);
        AtomicLong k = new AtomicLong(); // shared: no request number is sent to two instances
        return load -> load.closedLoop(shape, connections / benchmark.instances.size(), WARM_UP_SECONDS, seconds, k);
    }

    /**
     * The same run against every instance at once; throughput and errors add up, the latency is the worst
     * instance's, the load generator's CPU adds up.
     */
    private Measurement split(Function<HttpLoad, Measurement> run) {
        List<CompletableFuture<Measurement>> runs = new ArrayList<>();
        for (HttpLoad instance : instances) {
            runs.add(CompletableFuture.supplyAsync(() -> run.apply(instance)));
        }
        List<Measurement> each = runs.stream().map(CompletableFuture::join).toList();
        Map<String, Long> answers = new HashMap<>();
        each.forEach(m -> m.answers().forEach((status, count) -> answers.merge(status, count, Long::sum)));
        return new Measurement(CONNECTIONS, each.stream().mapToDouble(Measurement::throughput).sum(),
                each.stream().mapToDouble(Measurement::p50).max().orElse(-1),
                each.stream().mapToDouble(Measurement::p99).max().orElse(-1),
                each.stream().mapToDouble(Measurement::p999).max().orElse(-1),
                each.stream().mapToLong(Measurement::errors).sum(), answers,
                each.stream().mapToDouble(Measurement::generatorCores).sum());
    }
}
