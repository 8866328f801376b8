package io.flashsale.it.support;

import java.util.Arrays;

/** Reads values from the Prometheus text the server serves at /metrics. */
public final class Metrics {

    private Metrics() {
    }

    /** Sum of the samples of metric {@code name} whose labels contain all {@code labels} (e.g. {@code outcome="x"}). */
    public static double value(Http http, String name, String... labels) {
        return value(http.get("/metrics").body(), name, labels);
    }

    public static double value(String prometheusText, String name, String... labels) {
        double sum = 0;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!(rest.startsWith("{") || rest.startsWith(" "))) {
                continue; // another metric whose name starts like this one
            }
            if (Arrays.stream(labels).allMatch(rest::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    public static boolean present(Http http, String name) {
        String text = http.get("/metrics").body();
        return Arrays.stream(text.split("\n"))
                .anyMatch(line -> !line.startsWith("#") && (line.startsWith(name + "{") || line.startsWith(name + " ")));
    }
}
