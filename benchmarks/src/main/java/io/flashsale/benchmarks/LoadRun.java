package io.flashsale.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code clients} threads each send the next request as soon as the previous one answered, for a
 * warm-up and then a measured period. Bounded in time; stops by itself.
 */
final class LoadRun {

    /** One request; returns false when the answer was an error (counted, and not timed). */
    interface Request {
        boolean call() throws Exception;
    }

    record Result(int clients, long ok, long errors, double seconds, long p50Micros, long p99Micros,
                  long p999Micros) {

        double throughput() {
            return ok / seconds;
        }
    }

    private LoadRun() {
    }

    static Result run(int clients, double warmupSeconds, double measureSeconds, IntFunction<Request> requestOfClient)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        long[] okCounts = new long[clients];
        long[] errorCounts = new long[clients];
        int[] sizes = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            latencies.add(new long[1 << 10]); // grows on demand: 1,024 clients must not start with 512 MB of buffers
        }
        for (int c = 0; c < clients; c++) {
            int client = c;
            Request request = requestOfClient.apply(client);
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = request.call();
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
        long[] all = new long[(int) ok];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, sizes[c]);
            at += sizes[c];
        }
        Arrays.sort(all);
        return new Result(clients, ok, Arrays.stream(errorCounts).sum(), seconds, percentile(all, 0.50),
                percentile(all, 0.99), percentile(all, 0.999));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    interface Measurement {
        Result run() throws InterruptedException;
    }

    /** Runs the measurement {@code repetitions} times; the run with the median throughput stands for them. */
    static Result median(int repetitions, Measurement measurement) throws InterruptedException {
        List<Result> runs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            runs.add(measurement.run());
        }
        return median(runs);
    }

    static Result median(List<Result> runs) {
        List<Result> byThroughput = new ArrayList<>(runs);
        byThroughput.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
        return byThroughput.get(byThroughput.size() / 2);
    }
}
