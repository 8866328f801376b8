package io.flashsale.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * PNG line charts of a benchmark's results: one line per path (ceilings dashed) against the number of concurrent
 * clients, for throughput and for p99 latency. Written to {@code benchmark.charts} (docs/benchmarks by default), where
 * docs/benchmarks.md shows them.
 */
final class Charts {

    private final Path directory;
    private final Map<String, SortedMap<Integer, Measurement>> lines = new LinkedHashMap<>();
    private final Map<String, Boolean> ceilings = new LinkedHashMap<>();

    Charts(Path directory) {
        this.directory = directory;
    }

    /** A point of {@code line} at {@code clients} (the row's clients: a ceiling may have run with fewer threads). */
    void add(String line, boolean ceiling, int clients, Measurement measurement) {
        lines.computeIfAbsent(line, name -> new TreeMap<>()).put(clients, measurement);
        ceilings.put(line, ceiling);
    }

    /**
     * Writes {@code <name>-throughput.png} and {@code <name>-p99.png}; a log scale for values spanning decades
     * (a log axis within one decade would carry a single label).
     */
    void write(String name, String title, String clientsLabel, boolean logScale) {
        String scale = logScale ? " (log scale)" : "";
        chart(name + "-throughput.png", title + ": answers per second", clientsLabel, "answers / s" + scale,
                Measurement::throughput, logScale);
        chart(name + "-p99.png", title + ": p99 latency", clientsLabel, "p99 ms" + scale, Measurement::p99, logScale);
    }

    private void chart(String file, String title, String clientsLabel, String valueLabel,
                       ToDoubleFunction<Measurement> value, boolean logScale) {
        XYSeriesCollection data = new XYSeriesCollection();
        lines.forEach((line, byClients) -> {
            XYSeries series = new XYSeries(line);
            byClients.forEach((clients, measurement) -> {
                double y = value.applyAsDouble(measurement);
                if (y > 0) {
                    series.add(clients.doubleValue(), y);
                }
            });
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, clientsLabel, valueLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LogAxis clients = new LogAxis(clientsLabel);
        clients.setBase(2);
        clients.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        clients.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setDomainAxis(clients);
        if (logScale) {
            LogarithmicAxis values = new LogarithmicAxis(valueLabel); // ticks at 1-9 × 10^n, labelled plainly
            values.setStrictValuesFlag(false);
            values.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            plot.setRangeAxis(values);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0"));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (String line : lines.keySet()) {
            renderer.setSeriesStroke(i++, ceilings.get(line)
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        try {
            Files.createDirectories(directory);
            ChartUtils.saveChartAsPNG(directory.resolve(file).toFile(), chart, 900, 540);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
