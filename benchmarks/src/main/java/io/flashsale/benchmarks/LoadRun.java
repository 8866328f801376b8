package io.flashsale.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Closed-loop load from plain threads, for the ceilings that are not HTTP (a Jedis EVALSHA, a JDBC transaction):
 * {@code clients} threads each send the next call as soon as the previous one returned, for a warm-up and then a
 * measured period. The HTTP paths are driven by {@link HttpLoad}.
 */
final class LoadRun {

    /** One call; returns false when the answer was an error (counted, not timed). */
    interface Call {
        boolean call() throws Exception;
    }

    private LoadRun() {
    }

    static Measurement run(int clients, double warmupSeconds, double measureSeconds, IntFunction<Call> callOfClient)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        long[] okCounts = new long[clients];
        long[] errorCounts = new long[clients];
        int[] sizes = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            latencies.add(new long[1 << 10]);
        }
        for (int c = 0; c < clients; c++) {
            int client = c;
            Call call = callOfClient.apply(client);
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (measuring.get()) {
                            if (ok) {
                                long[] mine = latencies.get(client);
                                if (sizes[client] == mine.length) {
                                    mine = Arrays.copyOf(mine, mine.length * 2);
                                    latencies.set(client, mine);
                                }
                                mine[sizes[client]++] = micros;
                                okCounts[client]++;
                            } else {
                                errorCounts[client]++;
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep((long) (measureSeconds * 1000));
        measuring.set(false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        done.await();

        long ok = Arrays.stream(okCounts).sum();
        long errors = Arrays.stream(errorCounts).sum();
        long[] all = new long[(int) ok];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, sizes[c]);
            at += sizes[c];
        }
        Arrays.sort(all);
        return new Measurement(clients, ok / seconds, percentile(all, 0.50), percentile(all, 0.99),
                percentile(all, 0.999), errors, Map.of("ok", ok, "error", errors), -1);
    }

    private static double percentile(long[] sortedMicros, double p) {
        return sortedMicros.length == 0 ? -1
                : sortedMicros[Math.min(sortedMicros.length - 1, (int) Math.ceil(p * sortedMicros.length) - 1)] / 1000.0;
    }

    interface Repeatable {
        Measurement run() throws Exception;
    }

    /** Runs a measurement {@code repetitions} times; the median by throughput stands for them. */
    static Measurement median(int repetitions, Repeatable measurement) throws Exception {
        List<Measurement> runs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            runs.add(measurement.run());
        }
        return Measurement.median(runs);
    }
}
