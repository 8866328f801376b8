package io.flashsale.benchmarks;

import io.flashsale.platform.Platform;
import io.hyperfoil.http.api.HttpMethod;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reserve throughput and latency per strategy at 1, 16, 64 and 100 clients over HTTP (Hyperfoil, closed loop), on one
 * hot product and spread over 100 products; next to ceilings measured in the same run with the same number of
 * clients: the no-op endpoint of the same server, and straight on the database an autocommit
 * {@code UPDATE ... WHERE stock >= ?} and a {@code SELECT ... FOR UPDATE; UPDATE; COMMIT} transaction.
 */
final class StockReservationBenchmark {

    private static final int[] CLIENTS = {1, 16, 64, 100};
    private static final String[] STRATEGIES = {"pessimistic", "optimistic", "redis-lock"};
    private static final int STOCK = 100_000_000;
    private static final double WARM_UP_SECONDS = 2;
    private static final int PACED_RATE = 400;
    private static final int BUYERS = 128;

    private StockReservationBenchmark() {
    }

    /**
     * Reserves one unit per request, each with an order id of its own, of the hot product or of one of 100, by one of
     * many customers in turn (one customer's reservations serialize on the row that counts what it holds).
     */
    private record Reserve(List<BenchmarkClient.Account> buyers, String strategy, long[] products, String run)
            implements HttpLoad.Shape {
        @Override
        public HttpMethod method() {
            return HttpMethod.POST;
        }

        @Override
        public String path(long k) {
            return "/api/v1/products/" + products[(int) (k % products.length)] + "/stock/reserve?strategy="
                    + strategy;
        }

        @Override
        public String token(long k) {
            try {
                return buyers.get((int) (k % buyers.size())).token();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String body(long k) {
            return "{\"quantity\":1,\"order_id\":\"" + run + "-" + k + "\"}";
        }

        @Override
        public Set<Integer> expected() {
            return Set.of(200);
        }
    }

    static void run(Platform platform, double seconds, int repetitions, Path chartDirectory) throws Exception {
        BenchmarkClient client = new BenchmarkClient(platform.settings());
        HttpLoad load = client.load();
        BenchmarkClient.Account admin = client.admin();
        List<BenchmarkClient.Account> buyer = BenchmarkClient.inFourThreads(
                Collections.<Callable<BenchmarkClient.Account>>nCopies(BUYERS, client::newCustomer));
        long hot = client.createProduct(admin, STOCK);
        long[] spread = new long[100];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = client.createProduct(admin, STOCK);
        }
        Charts charts = new Charts(chartDirectory);

        double warmUpSeconds = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "240"));
        BenchmarkClient.renewTokens(buyer, Duration.ofMinutes(10));
        load.closedLoop(BenchmarkClient.ping(), 16, 0, warmUpSeconds / 4, new AtomicLong());
        for (String strategy : STRATEGIES) {
            load.closedLoop(reserve(buyer, strategy, spread), 16, 0, warmUpSeconds / 4, new AtomicLong());
        }

        List<String> rows = new ArrayList<>();
        for (int clients : CLIENTS) {
            BenchmarkClient.renewTokens(buyer, Duration.ofMinutes(8));
            Measurement noop = LoadRun.median(repetitions, () -> load.closedLoop(BenchmarkClient.ping(), clients,
                    WARM_UP_SECONDS, seconds, new AtomicLong()));
            rows.add(row(clients, "-", "ceiling: HTTP no-op endpoint (GET /api/v1/ping)", noop, null, noop));
            charts.add("ceiling: no-op endpoint", true, clients, noop);
            for (boolean oneHotProduct : new boolean[] {true, false}) {
                String products = oneHotProduct ? "1 hot" : "100";
                long[] targets = oneHotProduct ? new long[] {hot} : spread;
                Measurement update = LoadRun.median(repetitions, () -> jdbc(client, connections -> LoadRun.run(
                        clients, 1, seconds, c -> jdbcConditionalUpdate(connections.open(), targets))));
                rows.add(row(clients, products, "ceiling: JDBC UPDATE ... WHERE stock >= ?", update, update, null));
                Measurement forUpdate = LoadRun.median(repetitions, () -> jdbc(client, connections -> LoadRun.run(
                        clients, 1, seconds, c -> jdbcForUpdateTransaction(connections.open(), targets))));
                rows.add(row(clients, products, "ceiling: JDBC SELECT FOR UPDATE + UPDATE tx", forUpdate, forUpdate,
                        null));
                if (oneHotProduct) {
                    charts.add("ceiling: JDBC SELECT FOR UPDATE tx, hot row", true, clients, forUpdate);
                }
                for (String strategy : STRATEGIES) {
                    Measurement reserve = LoadRun.median(repetitions, () -> load.closedLoop(
                            reserve(buyer, strategy, targets), clients, WARM_UP_SECONDS, seconds, new AtomicLong()));
                    // pessimistic is compared with the FOR UPDATE transaction, the others with the conditional UPDATE
                    Measurement ceiling = strategy.equals("pessimistic") ? forUpdate : update;
                    rows.add(row(clients, products, "HTTP reserve, " + strategy, reserve, ceiling, noop));
                    charts.add(strategy + ", " + products + " product" + (oneHotProduct ? "" : "s"), false, clients,
                            reserve);
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.printf("%n%d repetitions of %.0f s each (median by throughput), %d cores, JDK %s%n",
                repetitions, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| clients | products | what | ok/s | p50 ms | p99 ms | p999 ms | errors | × its JDBC ceiling "
                + "| × no-op | load generator (cores) | answers (median run) |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
        charts.write("stock", "Stock reservation over HTTP (2 cores, everything co-located)", "concurrent clients", true);
        paced(load, buyer, spread, seconds);
    }

    /**
     * A closed loop of 100 clients measures the latency of a saturated server (100 / throughput on average); this is
     * the latency at {@value #PACED_RATE} reservations per second over 100 connections, over 100 products, measured
     * from each request's scheduled time (wrk2 model).
     */
    private static void paced(HttpLoad load, List<BenchmarkClient.Account> buyer, long[] spread, double seconds)
            throws Exception {
        BenchmarkClient.renewTokens(buyer, Duration.ofMinutes(5));
        System.out.printf("%n100 connections at a constant %d reservations/s over 100 products (latency from the "
                + "scheduled time):%n", PACED_RATE);
        System.out.println("| strategy | answers/s | p50 ms | p99 ms | p999 ms | errors | answers |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (String strategy : STRATEGIES) {
            Measurement paced = load.constantRate(reserve(buyer, strategy, spread), PACED_RATE, 100, WARM_UP_SECONDS,
                    seconds, new AtomicLong());
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %d | %s |%n", strategy,
                    paced.throughput(), paced.p50(), paced.p99(), paced.p999(), paced.errors(),
                    paced.answers().toString().replace("{", "").replace("}", ""));
        }
    }

    /** The JDBC connections of one ceiling run, one per client thread, closed when it ends. */
    private static final class Connections {
        private final BenchmarkClient client;
        private final List<Connection> opened = new ArrayList<>();

        Connections(BenchmarkClient client) {
            this.client = client;
        }

        synchronized Connection open() {
            Connection connection = client.database();
            opened.add(connection);
            return connection;
        }
    }

    private interface JdbcRun {
        Measurement run(Connections connections) throws Exception;
    }

    private static Measurement jdbc(BenchmarkClient client, JdbcRun run) throws Exception {
        Connections connections = new Connections(client);
        try {
            return run.run(connections);
        } finally {
            for (Connection connection : connections.opened) {
                connection.close();
            }
        }
    }

    private static HttpLoad.Shape reserve(List<BenchmarkClient.Account> buyers, String strategy, long[] products) {
        return new Reserve(buyers, strategy, products, UUID.randomUUID().toString().substring(0, 8));
    }

    private static String row(int clients, String products, String what, Measurement r, Measurement jdbc,
                              Measurement noop) {
        return String.format(Locale.ROOT, "| %d | %s | %s | %.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s |",
                clients, products, what, r.throughput(), r.p50(), r.p99(), r.p999(), r.errors(), ratio(r, jdbc),
                ratio(r, noop), r.generatorCores() < 0 ? "" : String.format(Locale.ROOT, "%.2f", r.generatorCores()),
                r.answers().toString().replace("{", "").replace("}", ""));
    }

    private static String ratio(Measurement r, Measurement ceiling) {
        return ceiling == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio(ceiling));
    }

    private static long pick(long[] products) {
        return products[ThreadLocalRandom.current().nextInt(products.length)];
    }

    private static LoadRun.Call jdbcConditionalUpdate(Connection connection, long[] products) {
        return () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?")) {
                update.setInt(1, 1);
                update.setLong(2, pick(products));
                update.setInt(3, 1);
                return update.executeUpdate() == 1;
            }
        };
    }

    private static LoadRun.Call jdbcForUpdateTransaction(Connection connection, long[] products) {
        return () -> {
            long product = pick(products);
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT stock FROM product WHERE id = ? FOR UPDATE");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE product SET stock = stock - 1 WHERE id = ?")) {
                lock.setLong(1, product);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                }
                update.setLong(1, product);
                update.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                return false;
            }
        };
    }
}
