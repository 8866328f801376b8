package io.flashsale.benchmarks;

import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the benchmarks, each on a freshly started platform of its own that it stops again before the next one
 * ({@code -Dbenchmark.only=stock|seckill|generator|scaleout|growth} picks one). Every figure is printed next to ceilings measured in the same
 * run. Maven forks a JVM for this class (exec:exec): System.exit is fine here.
 */
public final class Benchmarks {

    /** Run by default; {@code generator} (Hyperfoil against wrk on the no-op endpoint) runs only when named. */
    private static final List<String> NAMES = List.of("stock", "seckill");
    private static final String GENERATOR = "generator";
    /** Run only when named: one Payara instance, then a deployment group of two. */
    private static final String SCALE_OUT = "scaleout";
    /** Run only when named: the platform empty, then loaded with months of history. */
    private static final String GROWTH = "growth";

    private interface Benchmark {
        void run(Platform platform, double seconds, int repetitions, Path charts) throws Exception;
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        try {
            runAll();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // client threads of Kafka and the HTTP client would otherwise keep the JVM alive
    }

    private static void runAll() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "5"));
        Path charts = Path.of(System.getProperty("benchmark.charts", "docs/benchmarks"));
        int repetitions = Integer.getInteger("benchmark.repetitions", 3);
        String only = System.getProperty("benchmark.only", "").trim();
        if (only.equals(GENERATOR)) {
            run(GENERATOR, GeneratorCheck::run, seconds, repetitions, charts);
            return;
        }
        if (only.equals(SCALE_OUT)) {
            scaleOut(seconds, repetitions, charts);
            return;
        }
        if (only.equals(GROWTH)) {
            run(GROWTH, GrowthBenchmark::run, seconds, repetitions, charts);
            return;
        }
        if (!only.isEmpty() && !NAMES.contains(only)) {
            throw new IllegalArgumentException("benchmark.only must be one of " + NAMES + ", " + GENERATOR + ", "
                    + SCALE_OUT + ", " + GROWTH + " or empty, not " + only);
        }
        for (String name : NAMES) {
            if (only.isEmpty() || only.equals(name)) {
                run(name, name.equals("stock") ? StockReservationBenchmark::run : SeckillPurchaseBenchmark::run,
                        seconds, repetitions, charts);
            }
        }
    }

    private static void scaleOut(double seconds, int repetitions, Path charts) throws Exception {
        Map<Integer, Map<String, Measurement>> byInstances = new TreeMap<>();
        System.out.println("| platform | connections | what | answers/s | p50 ms | p99 ms | errors |"
                + " load generator (cores) | answers (median run) |");
        for (int instances : new int[] {1, 2}) {
            run(SCALE_OUT + " (" + instances + " instance(s))", PlatformSettings.resolve().withInstances(instances),
                    (platform, s, r, c) -> byInstances.put(instances, ScaleOutBenchmark.run(platform, s, r, c)),
                    seconds, repetitions, charts);
        }
        for (String what : List.of("no-op", "purchase")) {
            System.out.printf(Locale.ROOT, "%s: 2 instances / 1 instance = %.2f%n", what,
                    byInstances.get(2).get(what).throughput() / byInstances.get(1).get(what).throughput());
        }
        System.out.printf(Locale.ROOT, "purchase ÷ no-op: 1 instance %.2f, 2 instances %.2f%n",
                byInstances.get(1).get("purchase").ratio(byInstances.get(1).get("no-op")),
                byInstances.get(2).get("purchase").ratio(byInstances.get(2).get("no-op")));
    }

    private static void run(String name, Benchmark benchmark, double seconds, int repetitions, Path charts)
            throws Exception {
        run(name, PlatformSettings.resolve(), benchmark, seconds, repetitions, charts);
    }

    private static void run(String name, PlatformSettings settings, Benchmark benchmark, double seconds,
                            int repetitions, Path charts) throws Exception {
        Platform platform = new Platform(settings);
        Thread stopOnExit = new Thread(platform::close);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            platform.resetData();
            platform.start();
            platform.deploy();
            platform.awaitReady(Duration.ofMinutes(5));
            System.out.printf("%n===== %s benchmark =====%n", name);
            benchmark.run(platform, seconds, repetitions, charts);
        } finally {
            platform.close(); // here, not only in the hook: the next benchmark starts a platform on the same ports
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }
}
