package io.flashsale.benchmarks;

import io.flashsale.platform.PlatformSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reserve throughput and latency per strategy at 1, 16 and 64 clients, on one hot product and spread over 100
 * products, over HTTP against the deployed EAR; next to ceilings measured in the same run from the same number of
 * clients: the no-op HTTP endpoint on the same server, and straight on the database an autocommit
 * {@code UPDATE ... WHERE stock >= ?} and a {@code SELECT ... FOR UPDATE; UPDATE; COMMIT} transaction.
 * The "× ceiling" column divides by the JDBC conditional UPDATE. Medians of several repetitions.
 */
public final class StockReservationBenchmark {

    private static final int[] CLIENTS = {1, 16, 64};
    private static final String[] STRATEGIES = {"pessimistic", "optimistic", "redis-lock"};
    private static final long STOCK = 100_000_000L;

    private StockReservationBenchmark() {
    }

    static void run(PlatformSettings settings, double seconds, int repetitions) throws Exception {
        BenchmarkClient client = new BenchmarkClient(settings);
        HttpClient http = client.http;
        String api = client.api + "/products";
        BenchmarkClient.Account admin = client.admin();
        BenchmarkClient.Account buyer = client.newCustomer();
        long hot = client.createProduct(admin, STOCK);
        long[] spread = new long[100];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = client.createProduct(admin, STOCK);
        }

        // a freshly deployed server runs interpreted and JIT-compiles for a while: warm every path up first
        double warmUpSeconds = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "20"));
        for (String strategy : STRATEGIES) {
            LoadRun.run(16, warmUpSeconds / STRATEGIES.length, 0.1,
                    c -> httpReserve(http, api, buyer, strategy, false, hot, spread));
        }
        LoadRun.run(16, 2, 0.1, c -> client.ping());

        List<String> rows = new ArrayList<>();
        for (int clients : CLIENTS) {
            LoadRun.Result noop = LoadRun.median(repetitions, () -> LoadRun.run(clients, 1.5, seconds,
                    c -> client.ping()));
            rows.add(row(clients, "-", "ceiling: HTTP no-op endpoint (GET /api/v1/ping)", noop, null, noop));
            for (boolean oneHotProduct : new boolean[] {true, false}) {
                String products = oneHotProduct ? "1 hot" : "100";
                LoadRun.Result ceiling = LoadRun.median(repetitions, () -> LoadRun.run(clients, 1, seconds,
                        c -> jdbcConditionalUpdate(client.database(), oneHotProduct, hot, spread)));
                rows.add(row(clients, products, "ceiling: JDBC UPDATE ... WHERE stock >= ?", ceiling, ceiling, null));
                LoadRun.Result forUpdate = LoadRun.median(repetitions, () -> LoadRun.run(clients, 1, seconds,
                        c -> jdbcForUpdateTransaction(client.database(), oneHotProduct, hot, spread)));
                rows.add(row(clients, products, "ceiling: JDBC SELECT FOR UPDATE + UPDATE tx", forUpdate, ceiling,
                        null));
                for (String strategy : STRATEGIES) {
                    LoadRun.Result reserve = LoadRun.median(repetitions, () -> LoadRun.run(clients, 1.5, seconds,
                            c -> httpReserve(http, api, buyer, strategy, oneHotProduct, hot, spread)));
                    rows.add(row(clients, products, "HTTP reserve, " + strategy, reserve, ceiling, noop));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.printf("%n%d repetitions of %.0f s each (median by throughput), %d cores, JDK %s%n",
                repetitions, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| clients | products | what | ok/s | p50 ms | p99 ms | errors | × JDBC UPDATE | × no-op |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static String row(int clients, String products, String what, LoadRun.Result r, LoadRun.Result jdbc,
                              LoadRun.Result noop) {
        return String.format(Locale.ROOT, "| %d | %s | %s | %.0f | %.2f | %.2f | %d | %s | %s |", clients, products,
                what, r.throughput(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.errors(), ratio(r, jdbc),
                ratio(r, noop));
    }

    private static String ratio(LoadRun.Result r, LoadRun.Result ceiling) {
        return ceiling == null ? "" : String.format(Locale.ROOT, "%.2f", r.throughput() / ceiling.throughput());
    }

    private static long pick(boolean oneHotProduct, long hot, long[] spread) {
        return oneHotProduct ? hot : spread[ThreadLocalRandom.current().nextInt(spread.length)];
    }

    private static LoadRun.Request httpReserve(HttpClient http, String api, BenchmarkClient.Account buyer,
                                               String strategy, boolean oneHotProduct, long hot, long[] spread) {
        return () -> {
            long product = pick(oneHotProduct, hot, spread);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(api + "/" + product + "/stock/reserve?strategy=" + strategy))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + buyer.token())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"quantity\":1,\"order_id\":\"" + UUID.randomUUID() + "\"}"))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        };
    }

    private static LoadRun.Request jdbcConditionalUpdate(Connection connection, boolean oneHotProduct, long hot,
                                                         long[] spread) {
        return () -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?")) {
                update.setInt(1, 1);
                update.setLong(2, pick(oneHotProduct, hot, spread));
                update.setInt(3, 1);
                return update.executeUpdate() == 1;
            }
        };
    }

    private static LoadRun.Request jdbcForUpdateTransaction(Connection connection, boolean oneHotProduct, long hot,
                                                            long[] spread) {
        return () -> {
            long product = pick(oneHotProduct, hot, spread);
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
