package io.flashsale.benchmarks;

import io.flashsale.platform.Platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is the load generator cheap enough to measure the server, not itself? Runs {@code wrk} (when installed; Debian
 * package {@code wrk}) and this benchmark's Hyperfoil driver against the no-op endpoint, alternating, at 64 and 256
 * connections; Hyperfoil must get at least what wrk gets.
 */
final class GeneratorCheck {

    private static final int[] CONNECTIONS = {64, 256};
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private GeneratorCheck() {
    }

    static void run(Platform platform, double seconds, int repetitions, Path charts) throws Exception {
        BenchmarkClient client = new BenchmarkClient(platform.settings());
        HttpLoad load = client.load();
        String url = platform.settings().httpBaseUrl() + "/api/v1/ping";
        if (wrk(64, 1, url) < 0) {
            System.out.println("wrk is not installed (apt-get install wrk): only Hyperfoil is measured");
        }
        double warmUp = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "240"));
        load.closedLoop(BenchmarkClient.ping(), 64, 0, warmUp, new AtomicLong());
        System.out.println("| connections | run | wrk req/s | Hyperfoil req/s | Hyperfoil ÷ wrk | Hyperfoil CPU (cores) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int connections : CONNECTIONS) {
            List<Double> ratios = new ArrayList<>();
            for (int run = 1; run <= repetitions; run++) {
                double wrk = wrk(connections, seconds, url);
                Measurement hyperfoil = load.closedLoop(BenchmarkClient.ping(), connections, 1, seconds,
                        new AtomicLong());
                double ratio = wrk > 0 ? hyperfoil.throughput() / wrk : Double.NaN;
                ratios.add(ratio);
                System.out.printf(Locale.ROOT, "| %d | %d | %s | %.0f | %.2f | %.2f |%n", connections, run,
                        wrk > 0 ? String.format(Locale.ROOT, "%.0f", wrk) : "-", hyperfoil.throughput(), ratio,
                        hyperfoil.generatorCores());
            }
            ratios.sort(Double::compare);
            System.out.printf(Locale.ROOT, "| %d | median | | | %.2f | |%n", connections, ratios.get(ratios.size() / 2));
        }
    }

    /** wrk's requests per second (2 threads, like the measurements), or -1 when wrk is not installed. */
    private static double wrk(int connections, double seconds, String url) throws InterruptedException {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + Math.max(1, (int) seconds) + "s",
                    url).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor((long) seconds + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                return -1;
            }
            Matcher rate = REQUESTS_PER_SECOND.matcher(output);
            return rate.find() ? Double.parseDouble(rate.group(1)) : -1;
        } catch (IOException notInstalled) {
            return -1;
        }
    }
}
