package io.flashsale.it.support;

/** Reads values from the Prometheus text the server serves at /metrics. */
public final class Metrics {

    private Metrics() {
    }

    /** Sum of the samples whose line starts with {@code series} (a name, optionally with the opening of labels). */
    public static double value(Http http, String series) {
        String text = http.get("/metrics?scope=application").body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith("#") && line.startsWith(series)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
