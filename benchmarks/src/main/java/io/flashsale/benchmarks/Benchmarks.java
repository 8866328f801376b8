package io.flashsale.benchmarks;

import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;

import java.time.Duration;
import java.util.List;

/**
 * Runs the benchmarks, each on a freshly started platform of its own ({@code -Dbenchmark.only=stock|seckill} picks
 * one). Every figure is printed next to ceilings measured in the same run.
 */
public final class Benchmarks {

    private interface Benchmark {
        void run(PlatformSettings settings, double seconds, int repetitions) throws Exception;
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "4"));
        int repetitions = Integer.getInteger("benchmark.repetitions", 3);
        String only = System.getProperty("benchmark.only", "");
        for (String name : List.of("stock", "seckill")) {
            if (!only.isBlank() && !only.equals(name)) {
                continue;
            }
            Benchmark benchmark = name.equals("stock") ? StockReservationBenchmark::run : SeckillPurchaseBenchmark::run;
            PlatformSettings settings = PlatformSettings.resolve();
            Platform platform = new Platform(settings);
            Thread stopOnExit = new Thread(platform::close);
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                platform.resetData();
                platform.start();
                platform.deploy();
                platform.awaitReady(Duration.ofMinutes(3));
                System.out.printf("%n===== %s benchmark =====%n", name);
                benchmark.run(settings, seconds, repetitions);
            } finally {
                platform.close();
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
        System.exit(0); // client threads of Kafka and the HTTP client would otherwise keep Maven's JVM alive
    }
}
