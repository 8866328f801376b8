package io.flashsale.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured run: by how many concurrent clients, how many expected answers per second came back, the latency
 * percentiles (ms) over all answers, the answers that were not the expected ones (errors), every answer by status,
 * and how much CPU the load generator itself used (cores; -1 when not measured).
 */
record Measurement(int clients, double throughput, double p50, double p99, double p999, long errors,
                   Map<String, Long> answers, double generatorCores) {

    Measurement {
        answers = new TreeMap<>(answers);
    }

    /** The run with the median throughput stands for several repetitions. */
    static Measurement median(List<Measurement> runs) {
        List<Measurement> byThroughput = runs.stream()
                .sorted((a, b) -> Double.compare(a.throughput(), b.throughput()))
                .toList();
        return byThroughput.get(byThroughput.size() / 2);
    }

    double ratio(Measurement ceiling) {
        return throughput / ceiling.throughput();
    }
}
