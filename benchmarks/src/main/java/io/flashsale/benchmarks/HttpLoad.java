package io.flashsale.benchmarks;

import io.hyperfoil.api.config.BenchmarkBuilder;
import io.hyperfoil.api.config.PhaseBuilder;
import io.hyperfoil.api.config.Step;
import io.hyperfoil.api.session.ResourceUtilizer;
import io.hyperfoil.api.session.Session;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.impl.statistics.StatisticsCollector;
import io.hyperfoil.http.api.HttpMethod;
import io.hyperfoil.http.config.HttpPluginBuilder;
import io.hyperfoil.http.steps.HttpStepCatalog;
import io.netty.buffer.Unpooled;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * HTTP/1.1 load from Hyperfoil, in this JVM (no controller): two event loops (like {@code wrk -t2}; one fell behind wrk
 * at 256 connections), keep-alive connections, no pipelining.
 * A closed-loop run is wrk's model (each connection sends its next request when the previous one answered); a
 * constant-rate run is wrk2's (requests are scheduled at a fixed rate and their latency is measured from the scheduled
 * time, so a stalled server cannot hide its stall: coordinated omission corrected). Every run has a warm-up phase and
 * a measured phase; requests are numbered k = 0, 1, 2... across a run, which is how a shape varies token, path and
 * body per request.
 */
final class HttpLoad {

    /** What one request looks like. */
    interface Shape extends Serializable {
        HttpMethod method();

        String path(long k);

        /** The bearer token of request k, or null for an anonymous request. */
        default String token(long k) {
            return null;
        }

        /** The JSON body of request k, or null. */
        default String body(long k) {
            return null;
        }

        /** The statuses that are answers of this path (counted in the throughput); any other is an error. */
        Set<Integer> expected();
    }

    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String host;
    private final int port;

    HttpLoad(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Measurement closedLoop(Shape shape, int connections, double warmupSeconds, double seconds, AtomicLong k) {
        return run(shape, connections, warmupSeconds, seconds, k, 0, catalog -> catalog.always(connections));
    }

    /** {@code rate} requests per second over {@code connections} connections; latency from the scheduled time. */
    Measurement constantRate(Shape shape, double rate, int connections, double warmupSeconds, double seconds,
                             AtomicLong k) {
        int maxSessions = (int) Math.max(connections, Math.min(rate * 2, 100_000));
        return run(shape, connections, warmupSeconds, seconds, k, rate,
                catalog -> catalog.constantRate(0).usersPerSec(rate).variance(false).maxSessions(maxSessions));
    }

    private Measurement run(Shape shape, int connections, double warmupSeconds, double seconds, AtomicLong k,
                            double rate, Function<PhaseBuilder.Catalog, PhaseBuilder<?>> model) {
        long warmupMillis = (long) (warmupSeconds * 1000);
        long measuredMillis = (long) (seconds * 1000);
        AtomicLongArray statuses = new AtomicLongArray(600);
        AtomicLong measuredStart = new AtomicLong();
        Recorder scheduledLatency = rate > 0 ? new Recorder(MAX_LATENCY_NANOS, 3) : null;

        BenchmarkBuilder benchmark = BenchmarkBuilder.builder().name("flashsale-" + System.nanoTime())
                .threads(Math.min(2, connections));
        benchmark.addPlugin(HttpPluginBuilder::new)
                .ergonomics()
                    .repeatCookies(false)
                    .userAgentFromSession(false)
                    .autoRangeCheck(false) // a 409 is an answer to count, not a reason to stop
                    .stopOnInvalid(false)
                .endErgonomics()
                .http()
                    .host(host).port(port)
                    .allowHttp2(false)
                    .sharedConnections(connections)
                    .pipeliningLimit(1)
                .endHttp();
        if (warmupMillis > 0) {
            phase(benchmark, "warmup", warmupMillis, shape, k, rate, model, null, null, null);
        }
        PhaseBuilder<?> measured = phase(benchmark, "measured", measuredMillis, shape, k, rate, model, statuses,
                scheduledLatency, measuredStart);
        if (warmupMillis > 0) {
            measured.startAfterStrict("warmup");
        }

        Map<String, StatisticsSnapshot> totals = new ConcurrentHashMap<>();
        // called when a phase ends, once per one-second bucket; the snapshot is reset afterwards: copy it
        StatisticsCollector.StatisticsConsumer collect = (phase, stepId, metric, snapshot, countDown) ->
                totals.computeIfAbsent(phase.name(), name -> new StatisticsSnapshot()).add(snapshot);
        CpuSampler cpu = new CpuSampler();
        try {
            new LocalSimulationRunner(benchmark.build(), collect, null, null).run();
        } finally {
            cpu.stop();
        }

        StatisticsSnapshot total = totals.getOrDefault("measured", new StatisticsSnapshot());
        Map<String, Long> answers = new TreeMap<>();
        long expected = 0;
        long responses = 0;
        for (int status = 0; status < statuses.length(); status++) {
            long count = statuses.get(status);
            if (count > 0) {
                answers.put(Integer.toString(status), count);
                responses += count;
                if (shape.expected().contains(status)) {
                    expected += count;
                }
            }
        }
        long failures = total.connectionErrors + total.requestTimeouts + total.internalErrors;
        if (failures > 0) {
            answers.put("no answer", failures);
        }
        Histogram latency = scheduledLatency != null ? scheduledLatency.getIntervalHistogram() : total.histogram;
        long start = measuredStart.get();
        double generatorCores = (cpu.cpuNanosAt(start + measuredMillis) - cpu.cpuNanosAt(start)) / 1e6 / measuredMillis;
        return new Measurement(connections, expected / seconds, millis(latency, 50), millis(latency, 99),
                millis(latency, 99.9), responses - expected + failures, answers, generatorCores);
    }

    private static double millis(Histogram nanos, double percentile) {
        return nanos.getTotalCount() == 0 ? -1 : nanos.getValueAtPercentile(percentile) / 1e6;
    }

    private static PhaseBuilder<?> phase(BenchmarkBuilder benchmark, String name, long millis, Shape shape,
                                         AtomicLong k, double rate, Function<PhaseBuilder.Catalog, PhaseBuilder<?>> model,
                                         AtomicLongArray statuses, Recorder scheduledLatency, AtomicLong startedAt) {
        PhaseBuilder<?> phase = model.apply(benchmark.addPhase(name)).duration(millis).maxDuration(millis + 30_000);
        NextRequest next = new NextRequest(k, rate, startedAt);
        var request = phase.scenario()
                .maxRequests(1).maxSequences(1)
                .initialSequence("request")
                    .step(next)
                    .step(HttpStepCatalog.SC).httpRequest(shape.method())
                        .path(session -> shape.path(session.getResource(next).k))
                        .headerAppender((session, writer) -> {
                            long number = session.getResource(next).k;
                            String token = shape.token(number);
                            if (token != null) {
                                writer.putHeader("Authorization", "Bearer " + token);
                            }
                            if (shape.body(number) != null) {
                                writer.putHeader("Content-Type", "application/json");
                            }
                        })
                        .timeout("30s");
        if (shape.body(0) != null) {
            request.body((session, connection) -> Unpooled.wrappedBuffer(
                    shape.body(session.getResource(next).k).getBytes(StandardCharsets.UTF_8)));
        }
        if (statuses != null) {
            request.handler().status((sent, status) -> {
                sent.session.getResource(next).answered = true;
                statuses.incrementAndGet(status < 0 || status >= 600 ? 0 : status);
            });
        }
        if (scheduledLatency != null) {
            request.handler().onCompletion(session -> {
                Slot slot = session.getResource(next);
                if (slot.answered) {
                    scheduledLatency.recordValue(Math.min(MAX_LATENCY_NANOS,
                            Math.max(0, System.nanoTime() - slot.scheduledNanos)));
                }
            });
        }
        return phase;
    }

    /** The number of a session's current request, and when a constant-rate run meant to send it. */
    static final class Slot implements Session.Resource {
        long k;
        long scheduledNanos;
        boolean answered;
    }

    /** The first step of every request: draws its number; the step is also the key of the session's slot. */
    static final class NextRequest implements Step, ResourceUtilizer, Session.ResourceKey<Slot> {
        private final AtomicLong counter;
        private final double rate;
        private final AtomicLong scheduled = new AtomicLong();
        private final AtomicLong startedAt;

        NextRequest(AtomicLong counter, double rate, AtomicLong startedAt) {
            this.counter = counter;
            this.rate = rate;
            this.startedAt = startedAt;
        }

        @Override
        public boolean invoke(Session session) {
            Slot slot = session.getResource(this);
            slot.k = counter.getAndIncrement();
            slot.answered = false;
            if (startedAt != null && startedAt.get() == 0) {
                startedAt.compareAndSet(0, session.phaseStartTimestamp());
            }
            if (rate > 0) {
                // with variance off, Hyperfoil starts the phase's session i on the millisecond
                // phaseStart + ceil(i * 1000 / rate); a session that starts late keeps its scheduled time
                long i = scheduled.getAndIncrement();
                slot.scheduledNanos = Clock.nanoTime(session.phaseStartTimestamp() + (long) Math.ceil(i * 1000.0 / rate));
            }
            return true;
        }

        @Override
        public void reserve(Session session) {
            session.declareResource(this, Slot::new, true);
        }
    }

    /** Maps wall-clock milliseconds onto System.nanoTime(). */
    static final class Clock {
        private static final long OFFSET;

        static {
            long millis = System.currentTimeMillis();
            long now;
            while ((now = System.currentTimeMillis()) == millis) {
                Thread.onSpinWait();
            }
            OFFSET = System.nanoTime() - now * 1_000_000L;
        }

        static long nanoTime(long epochMillis) {
            return epochMillis * 1_000_000L + OFFSET;
        }
    }

    /** This JVM's CPU time every 20 ms, to cut the generator's own cost to the measured phase. */
    static final class CpuSampler {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cpu-sampler");
            thread.setDaemon(true);
            return thread;
        });

        CpuSampler() {
            sampler.scheduleAtFixedRate(() -> samples.add(new long[] {System.currentTimeMillis(),
                    os.getProcessCpuTime()}), 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() {
            sampler.shutdownNow();
        }

        long cpuNanosAt(long epochMillis) {
            synchronized (samples) {
                long[] previous = samples.get(0);
                for (long[] sample : samples) {
                    if (sample[0] >= epochMillis) {
                        return sample[0] == previous[0] ? sample[1]
                                : previous[1] + (sample[1] - previous[1]) * (epochMillis - previous[0])
                                / (sample[0] - previous[0]);
                    }
                    previous = sample;
                }
                return previous[1];
            }
        }
    }
}
