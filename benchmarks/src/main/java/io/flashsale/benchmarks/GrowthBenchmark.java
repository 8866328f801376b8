package io.flashsale.benchmarks;

import io.flashsale.benchmarks.BenchmarkClient.Account;
import io.flashsale.client.model.NewActivity;
import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.resps.Slowlog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform after months of operation next to the same platform empty ({@code -Dbenchmark.only=growth}): first
 * everything is measured on the fresh platform, then the database and Redis are loaded with the history of 1,000
 * settled sales of 1,000 orders each (1M orders, paid or cancelled), 1.1M outbox rows (100k of them past the
 * retention, for the purge), and one live sale of 100,000 buyers (its orders confirmed in MySQL, its buyers held in
 * Redis), and everything is measured again; last the history is deleted and the empty platform measured once more (the
 * loaded phase is held against this one: the platform runs faster minutes after its start than in the first phase,
 * whatever it stores). Measured: purchases with units on sale (256 connections, closed loop),
 * every periodic job's duration per run and per housekeeping step ({@code flashsale_job_run_seconds},
 * {@code seckill_housekeeping_step_seconds}) and the slowest Redis commands (SLOWLOG, every command over 1 ms logged),
 * both under the stampede and for a minute at rest (no request arriving: the history's cost to the jobs, apart from
 * waiting for one of the machine's cores), and Redis memory per sale.
 */
final class GrowthBenchmark {

    static final int CONNECTIONS = 256;
    private static final double WARM_UP_SECONDS = 2;
    private static final int PRODUCT_STOCK = 1_000_000_000;
    private static final int PAYMENT_WINDOW_SECONDS = 604_800;
    /** A sale's usual window: the orders of a phase come due in the phase after it (the history load takes longer). */
    private static final int BENCHMARK_SALE_PAYMENT_WINDOW_SECONDS = 900;
    private static final int REST_SECONDS = Integer.getInteger("benchmark.growth.rest-seconds", 60);
    private static final int SETTLED_SALES = Integer.getInteger("benchmark.growth.settled-sales", 1_000);
    private static final int ORDERS_PER_SETTLED_SALE = 1_000;
    private static final int LIVE_BUYERS = Integer.getInteger("benchmark.growth.live-buyers", 100_000);
    private static final int OLD_OUTBOX_ROWS = 100_000;
    private static final int RECENT_OUTBOX_ROWS = 1_000_000;
    /** Far above any id block the application allocates for outbox rows. */
    private static final long LOADED_OUTBOX_IDS = 1_000_000_000_000_000L;
    private static final long LOADED_BUYER_IDS = 1_000_000_000L;
    private static final Pattern METRIC = Pattern.compile("^(\\w+)\\{([^}]*)} ([0-9.eE+-]+)$");

    private final Platform platform;
    private final BenchmarkClient client;
    private final HttpLoad load;
    private final Account admin;
    private final List<Account> buyers;
    private final long product;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Every sale {@link #loadHistory} wrote, the live one last. */
    private final List<Long> historySales = new ArrayList<>();

    private GrowthBenchmark(Platform platform) throws Exception {
        this.platform = platform;
        this.client = new BenchmarkClient(platform.settings());
        this.load = client.load();
        this.admin = client.admin();
        this.buyers = BenchmarkClient.inFourThreads(Collections.<Callable<Account>>nCopies(
                Integer.getInteger("benchmark.buyers", 1024), client::newCustomer));
        this.product = client.createProduct(admin, PRODUCT_STOCK);
    }

    /** Everything one phase measures. */
    private record Figures(Measurement noOp, Measurement purchases, Window stampede, Window rest,
                           long bytesPerBuyer) {
    }

    /** Each periodic job's mean and longest run (ms) over a stretch of time, and Redis's slowest command in it. */
    private record Window(Map<String, double[]> jobs, Slowest redis) {
    }

    private record Slowest(long micros, String command, int over10ms) {
    }

    static void run(Platform platform, double seconds, int repetitions, Path charts) throws Exception {
        GrowthBenchmark benchmark = new GrowthBenchmark(platform);
        double warmUp = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "240"));
        BenchmarkClient.renewTokens(benchmark.buyers, Duration.ofMinutes(10));
        benchmark.load.closedLoop(BenchmarkClient.ping(), 64, 0, warmUp / 2, new AtomicLong());
        benchmark.load.closedLoop(benchmark.purchases(warmUp / 2, 64, List.of()), 64, 0, warmUp / 2,
                new AtomicLong());

        Figures empty = benchmark.measure("empty", seconds, repetitions, List.of());
        long started = System.nanoTime();
        long liveSale = benchmark.loadHistory();
        System.out.printf(Locale.ROOT, "history loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        // a minute for the periodic jobs to meet the history (reconciliation, the purge's first pass) before measuring
        Thread.sleep(65_000);
        benchmark.load.closedLoop(benchmark.purchases(warmUp / 4, 64, List.of()), 64, 0, warmUp / 4,
                new AtomicLong());
        Figures loaded = benchmark.measure("loaded", seconds, repetitions, List.of(liveSale));
        long liveSaleBytes = benchmark.saleBytes(liveSale);
        double abandonedSeconds = benchmark.abandon(liveSale);
        started = System.nanoTime();
        benchmark.unloadHistory();
        System.out.printf(Locale.ROOT, "history deleted in %.0f s%n", (System.nanoTime() - started) / 1e9);
        Thread.sleep(65_000);
        Figures again = benchmark.measure("empty again", seconds, repetitions, List.of());

        System.out.printf("%n%d repetitions of %.0f s (median by throughput), %d connections, %d cores, JDK %s%n",
                repetitions, seconds, CONNECTIONS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        // the first empty phase runs minutes after the server's start, and every run so far found the platform faster
        // later (its no-op 2.5-3.2x): the loaded phase is held against the empty platform measured after it
        System.out.println("| figure | empty, first | loaded | empty, again | loaded ÷ empty again | target |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        row("no-op/s (ceiling, same run)", empty.noOp().throughput(), loaded.noOp().throughput(),
                again.noOp().throughput(), "");
        row("purchases/s", empty.purchases().throughput(), loaded.purchases().throughput(),
                again.purchases().throughput(), "within 10%");
        row("purchases ÷ no-op", empty.purchases().ratio(empty.noOp()), loaded.purchases().ratio(loaded.noOp()),
                again.purchases().ratio(again.noOp()), "within 10%");
        row("purchase p99 ms", empty.purchases().p99(), loaded.purchases().p99(), again.purchases().p99(),
                "within 10%");
        row("purchase p50 ms", empty.purchases().p50(), loaded.purchases().p50(), again.purchases().p50(), "");
        jobRows("under the stampede", empty.stampede(), loaded.stampede(), again.stampede());
        jobRows("at rest", empty.rest(), loaded.rest(), again.rest());
        System.out.printf(Locale.ROOT, "Redis memory per buyer held: %d bytes (a benchmark sale of %d buyers), %d bytes"
                        + " (the live sale of %d buyers: %.1f MB)%n", empty.bytesPerBuyer(), benchmark.buyers.size(),
                liveSaleBytes / LIVE_BUYERS, LIVE_BUYERS, liveSaleBytes / 1e6);
        System.out.printf(Locale.ROOT, "answers: empty %s, loaded %s, empty again %s%n", empty.purchases().answers(),
                loaded.purchases().answers(), again.purchases().answers());
        System.out.printf(Locale.ROOT, "unpaid sweep: the live sale's %d orders past their deadline at once, all"
                + " cancelled and released in %.0f s (%.0f orders/s)%n", LIVE_BUYERS, abandonedSeconds,
                LIVE_BUYERS / abandonedSeconds);
    }

    /**
     * Every order of the live sale becomes due at once (as if its buyers had all walked away): returns the seconds
     * until the last one is cancelled and its hold released.
     */
    private double abandon(long sale) throws Exception {
        try (Connection sql = client.database(); PreparedStatement due = sql.prepareStatement("UPDATE seckill_order"
                + " SET pay_by = NOW(6) - INTERVAL 1 SECOND WHERE activity_id = ? AND STATUS = 'CONFIRMED'");
             PreparedStatement left = sql.prepareStatement("SELECT COUNT(*) FROM seckill_order WHERE activity_id = ?"
                     + " AND (STATUS = 'CONFIRMED' OR cache_release_pending = 1)")) {
            due.setLong(1, sale);
            long started = System.nanoTime();
            System.out.printf("%d orders of the live sale now past their deadline%n", due.executeUpdate());
            left.setLong(1, sale);
            for (int second = 0; second < 1_800; second++) {
                try (ResultSet count = left.executeQuery()) {
                    count.next();
                    if (count.getInt(1) == 0) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                    if (second % 10 == 0) {
                        System.out.printf("  %d s: %d orders still to cancel or release%n", second, count.getInt(1));
                    }
                }
                Thread.sleep(1_000);
            }
            throw new IllegalStateException("the unpaid sweep did not finish in 30 minutes");
        }
    }

    private static void jobRows(String when, Window empty, Window loaded, Window again) {
        for (String job : loaded.jobs().keySet()) {
            double[] first = empty.jobs().getOrDefault(job, new double[] {0, 0});
            double[] after = loaded.jobs().get(job);
            double[] last = again.jobs().getOrDefault(job, new double[] {0, 0});
            row(job + " mean ms, " + when, first[0], after[0], last[0], "");
            row(job + " longest run ms, " + when, first[1], after[1], last[1], job.startsWith("job ") ? "< 100 ms" : "");
        }
        row("slowest Redis command µs, " + when, empty.redis().micros(), loaded.redis().micros(),
                again.redis().micros(), "< 10,000 µs");
        System.out.printf(Locale.ROOT, "slowest Redis command %s: empty %s, loaded %s, empty again %s; commands over"
                        + " 10 ms: %d, %d, %d%n", when, empty.redis().command(), loaded.redis().command(),
                again.redis().command(), empty.redis().over10ms(), loaded.redis().over10ms(), again.redis().over10ms());
    }

    private static void row(String figure, double empty, double loaded, double again, String target) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %s |%n", figure, empty, loaded, again,
                again == 0 ? Double.NaN : loaded / again, target);
    }

    private Figures measure(String phase, double seconds, int repetitions, List<Long> firstSales) throws Exception {
        awaitQuiet(phase);
        BenchmarkClient.renewTokens(buyers, Duration.ofMinutes(8));
        Measurement[] runs = new Measurement[2];
        long[] activities = new long[1];
        Window stampede = window(() -> {
            runs[0] = LoadRun.median(repetitions, () -> load.closedLoop(BenchmarkClient.ping(), CONNECTIONS,
                    WARM_UP_SECONDS, seconds, new AtomicLong()));
            runs[1] = LoadRun.median(repetitions, () -> {
                HttpLoad.Shape shape = purchases(seconds, CONNECTIONS, firstSales);
                activities[0] = ((SeckillPurchaseBenchmark.Purchases) shape).activities()[firstSales.size()];
                return load.closedLoop(shape, CONNECTIONS, WARM_UP_SECONDS, seconds, new AtomicLong());
            });
            Thread.sleep(12_000); // at least one more reconciliation of the sales on now, unloaded
        });
        // the same jobs with no request arriving: what the history costs them, apart from waiting for a CPU
        Window rest = window(() -> Thread.sleep(REST_SECONDS * 1000L));
        Measurement noOp = runs[0];
        Measurement purchases = runs[1];
        try (Jedis redis = redis()) {
            // the mean of each command since start, next to its slowest: a scheduler stall shows as an outlier
            redis.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_evalsha")
                    || line.startsWith("cmdstat_hset") || line.startsWith("cmdstat_unlink")
                    || line.startsWith("cmdstat_get:")).forEach(line -> System.out.println("  [" + phase + "] " + line));
        }
        long bytesPerBuyer = saleBytes(activities[0]) / buyers.size();
        System.out.printf(Locale.ROOT, "[%s] no-op %.0f/s; purchases %.0f/s (%.2f× no-op) p50 %.2f ms p99 %.2f ms"
                        + " errors %d; slowest Redis command %d µs (%s), at rest %d µs (%s)%n", phase,
                noOp.throughput(), purchases.throughput(), purchases.ratio(noOp), purchases.p50(), purchases.p99(),
                purchases.errors(), stampede.redis().micros(), stampede.redis().command(), rest.redis().micros(),
                rest.redis().command());
        return new Figures(noOp, purchases, stampede, rest, bytesPerBuyer);
    }

    /**
     * Waits until the order writer, the outbox relay and the unpaid sweep have worked off what the warm-up left them:
     * a phase measured while the platform still writes the warm-up's orders measures that work too (the first five
     * runs' empty phases: their no-op gave a third of the loaded phase's, and their relay ran 18 s under the stampede).
     */
    private void awaitQuiet(String phase) throws Exception {
        long started = System.nanoTime();
        boolean quiet = client.awaitCount("SELECT (SELECT COUNT(*) FROM seckill_order WHERE STATUS = 'CONFIRMED')"
                + " + (SELECT COUNT(*) FROM seckill_outbox WHERE published_at IS NULL)", -1, Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "[%s] %s after %.0f s%n", phase, quiet ? "platform quiet"
                : "platform still busy, measuring anyway,", (System.nanoTime() - started) / 1e9);
    }

    private interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs {@code phase} while the job metrics are sampled and Redis logs every command over 1 ms: each job's mean
     * and longest run, and the slowest command.
     */
    private Window window(Phase phase) throws Exception {
        try (Jedis redis = redis()) {
            redis.configSet("slowlog-log-slower-than", "1000");
            redis.configSet("slowlog-max-len", "1024");
            redis.slowlogReset();
        }
        Map<String, double[]> before = jobs();
        JobSampler sampler = new JobSampler();
        Thread sampling = new Thread(sampler, "job-sampler");
        sampling.start();
        try {
            phase.run();
        } finally {
            sampler.stop = true;
            sampling.join();
        }
        Map<String, double[]> after = jobs();
        Map<String, double[]> jobs = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> job : after.entrySet()) {
            double[] was = before.getOrDefault(job.getKey(), new double[] {0, 0, 0});
            double[] now = job.getValue();
            double runs = now[0] - was[0];
            jobs.put(job.getKey(), new double[] {runs == 0 ? 0 : (now[1] - was[1]) / runs * 1000,
                    sampler.longest.getOrDefault(job.getKey(), 0.0) * 1000});
        }
        try (Jedis redis = redis()) {
            // the benchmark's own SLOWLOG RESET of a full log is not the platform's
            List<Slowlog> log = redis.slowlogGet(1024).stream()
                    .filter(entry -> !entry.getArgs().get(0).equalsIgnoreCase("slowlog")).toList();
            Slowlog worst = log.stream().max((a, b) -> Long.compare(a.getExecutionTime(), b.getExecutionTime()))
                    .orElse(null);
            Slowest slowest = worst == null ? new Slowest(0, "none over 1 ms", 0)
                    : new Slowest(worst.getExecutionTime(),
                    String.join(" ", worst.getArgs().subList(0, Math.min(3, worst.getArgs().size()))),
                    (int) log.stream().filter(entry -> entry.getExecutionTime() > 10_000).count());
            return new Window(jobs, slowest);
        }
    }

    /** Sales of one unit per buyer, enough for a run, after {@code firstSales}: every request a first purchase. */
    private HttpLoad.Shape purchases(double seconds, int connections, List<Long> firstSales) throws Exception {
        long requests = (long) (2500 * (WARM_UP_SECONDS + seconds)) + connections; // above any rate seen here
        int needed = (int) (requests / buyers.size()) + 2;
        long[] activities = new long[firstSales.size() + needed];
        for (int i = 0; i < firstSales.size(); i++) {
            activities[i] = firstSales.get(i);
        }
        for (int i = firstSales.size(); i < activities.length; i++) {
            Instant now = Instant.now();
            // over 10 s after their run: each run measures with its own sales on now, not with those of the runs before
            activities[i] = client.createActivity(admin, new NewActivity(product, new BigDecimal("9.99"), buyers.size(), 1,
                    now.minusSeconds(5), now.plusSeconds((long) (WARM_UP_SECONDS + seconds) + 10),
                    BENCHMARK_SALE_PAYMENT_WINDOW_SECONDS));
        }
        return new SeckillPurchaseBenchmark.Purchases(SeckillPurchaseBenchmark.tokens(buyers), activities, 202);
    }

    /**
     * Reads the job metrics every 200 ms: a count that moved by one between two reads gives that run's duration (the
     * sum's increase), so the longest run of the phase is seen (the summary's own max is since start, in other units).
     */
    private final class JobSampler implements Runnable {
        volatile boolean stop;
        final Map<String, Double> longest = new LinkedHashMap<>();

        @Override
        public void run() {
            Map<String, double[]> last = null;
            while (!stop) {
                try {
                    Map<String, double[]> now = jobs();
                    if (last != null) {
                        for (Map.Entry<String, double[]> job : now.entrySet()) {
                            double[] was = last.get(job.getKey());
                            double runs = was == null ? 0 : job.getValue()[0] - was[0];
                            if (runs > 0) {
                                double each = (job.getValue()[1] - was[1]) / runs;
                                longest.merge(job.getKey(), each, Math::max);
                            }
                        }
                    }
                    last = now;
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a read that failed under load: the next one covers the runs in between (as their mean)
                }
            }
        }
    }

    /**
     * Count, sum (s) and max (s) of every periodic job's runs and every housekeeping step, from the application's
     * metrics: "job &lt;name&gt;" and "step &lt;name&gt;".
     */
    private Map<String, double[]> jobs() throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(platform.settings().httpBaseUrl() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> jobs = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher metric = METRIC.matcher(line);
            if (!metric.matches()) {
                continue;
            }
            String name = metric.group(1);
            String kind = name.startsWith("flashsale_job_run_seconds") ? "job"
                    : name.startsWith("seckill_housekeeping_step_seconds") ? "step" : null;
            if (kind == null) {
                continue;
            }
            Matcher label = Pattern.compile("(job|step)=\"([^\"]*)\"").matcher(metric.group(2));
            if (!label.find()) {
                continue;
            }
            double[] figures = jobs.computeIfAbsent(kind + " " + label.group(2), key -> new double[3]);
            double value = Double.parseDouble(metric.group(3));
            if (name.endsWith("_count")) {
                figures[0] = value;
            } else if (name.endsWith("_sum")) {
                figures[1] = value;
            } else if (name.endsWith("_max")) {
                figures[2] = value;
            }
        }
        return jobs;
    }

    private long saleBytes(long sale) {
        try (Jedis redis = redis()) {
            long bytes = 0;
            for (String key : redis.keys("sk:{a" + sale + "}:*")) {
                Long used = redis.memoryUsage(key, 0);
                bytes += used == null ? 0 : used;
            }
            return bytes;
        }
    }

    private Jedis redis() {
        PlatformSettings settings = platform.settings();
        return new Jedis(new HostAndPort(settings.redis().host(), settings.redis().port()),
                DefaultJedisClientConfig.builder().password(settings.redisPassword()).ssl(settings.redis().tls())
                        .socketTimeoutMillis(60_000).build());
    }

    /** Returns the live sale's id. */
    private long loadHistory() throws Exception {
        DatabaseEndpoint db = platform.settings().database();
        try (Connection sql = DriverManager.getConnection(db.jdbcUrl() + "&rewriteBatchedStatements=true",
                db.user(), platform.settings().databasePassword())) {
            sql.setAutoCommit(false);
            Instant now = Instant.now();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (PreparedStatement orders = sql.prepareStatement(ORDER_INSERT)) {
                for (int s = 0; s < SETTLED_SALES; s++) {
                    Instant ended = now.minus(Duration.ofDays(1 + s / 10));
                    long sale = insertSale(sql, ended.minus(Duration.ofHours(1)), ended, ORDERS_PER_SETTLED_SALE,
                            0, 0, ended.plus(Duration.ofMinutes(20)));
                    historySales.add(sale);
                    for (int o = 0; o < ORDERS_PER_SETTLED_SALE; o++) {
                        boolean paid = random.nextInt(10) < 7;
                        long buyer = LOADED_BUYER_IDS + (s * 7_919L + o) % 10_000_000; // distinct within a sale
                        Instant at = ended.minusSeconds(random.nextInt(3_600));
                        addOrder(orders, sale, buyer, at, paid ? "PAID" : "CANCELLED", paid ? buyer : null);
                    }
                    if (s % 10 == 9) {
                        orders.executeBatch();
                        sql.commit();
                    }
                }
                orders.executeBatch();
                sql.commit();
                System.out.printf("%d settled sales and %d orders written%n", SETTLED_SALES,
                        SETTLED_SALES * ORDERS_PER_SETTLED_SALE);

                long live = insertSale(sql, now.minusSeconds(60), now.plus(Duration.ofHours(3)), 2 * LIVE_BUYERS,
                        LIVE_BUYERS, LIVE_BUYERS, null);
                historySales.add(live);
                List<String[]> held = new ArrayList<>(LIVE_BUYERS);
                for (int b = 0; b < LIVE_BUYERS; b++) {
                    long buyer = LOADED_BUYER_IDS + b;
                    Instant at = now.minusSeconds(random.nextInt(60));
                    String order = addOrder(orders, live, buyer, at, "CONFIRMED", buyer);
                    held.add(new String[] {Long.toString(buyer), order, buyer + ":1:" + at.toEpochMilli() + ":c"});
                    if (b % 10_000 == 9_999) {
                        orders.executeBatch();
                        sql.commit();
                    }
                }
                orders.executeBatch();
                sql.commit();
                holdInRedis(live, now, held);
                System.out.printf("live sale %d: %d confirmed orders, held in Redis%n", live, LIVE_BUYERS);
                insertOutbox(sql, now);
                return live;
            }
        }
    }

    /**
     * Deletes what {@link #loadHistory} wrote (the live sale's orders were cancelled by {@link #abandon}), 10 sales'
     * orders or 10,000 outbox rows per transaction, and the live sale's Redis keys: the platform is empty again but for
     * the benchmark's own sales, as it was in the first phase.
     */
    private void unloadHistory() throws Exception {
        try (Connection sql = client.database(); Statement delete = sql.createStatement()) {
            for (int from = 0; from < historySales.size(); from += 10) {
                String ids = historySales.subList(from, Math.min(historySales.size(), from + 10)).stream()
                        .map(String::valueOf).collect(Collectors.joining(","));
                delete.executeUpdate("DELETE FROM seckill_order WHERE activity_id IN (" + ids + ")");
                delete.executeUpdate("DELETE FROM seckill_order_archive WHERE activity_id IN (" + ids + ")");
                delete.executeUpdate("DELETE FROM seckill_activity WHERE id IN (" + ids + ")");
            }
            while (delete.executeUpdate("DELETE FROM seckill_outbox WHERE ID >= " + LOADED_OUTBOX_IDS + " LIMIT 10000")
                    > 0) {
                // next 10,000
            }
        }
        long live = historySales.get(historySales.size() - 1);
        try (Jedis redis = redis()) {
            for (String key : redis.keys("sk:{a" + live + "}:*")) {
                redis.unlink(key);
            }
        }
        System.out.printf("%d sales of the history deleted with their orders and outbox rows%n", historySales.size());
    }

    private static final String ORDER_INSERT = "INSERT INTO seckill_order (order_id, activity_id,"
            + " cache_release_pending, cancelled_at, confirmed_at, created_at, live_buyer, paid_at, PRICE, QUANTITY,"
            + " STATUS, user_id, VERSION) VALUES (?, ?, 0, ?, ?, ?, ?, ?, 9.99, 1, ?, ?, 1)";

    private static String addOrder(PreparedStatement insert, long sale, long buyer, Instant at, String status,
                                   Long liveBuyer) throws Exception {
        String order = UUID.randomUUID().toString();
        insert.setString(1, order);
        insert.setLong(2, sale);
        insert.setTimestamp(3, status.equals("CANCELLED") ? Timestamp.from(at.plusSeconds(900)) : null);
        insert.setTimestamp(4, Timestamp.from(at.plusMillis(50)));
        insert.setTimestamp(5, Timestamp.from(at));
        insert.setObject(6, liveBuyer);
        insert.setTimestamp(7, status.equals("PAID") ? Timestamp.from(at.plusSeconds(120)) : null);
        insert.setString(8, status);
        insert.setLong(9, buyer);
        insert.addBatch();
        return order;
    }

    private long insertSale(Connection sql, Instant starts, Instant ends, int stock, int remaining, int liveOrders,
                            Instant settled) throws Exception {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO seckill_activity (created_at, ends_at,"
                + " payment_window_seconds, per_user_limit, PRICE, product_id, REMAINING, reservation_id, settled_at,"
                + " starts_at, STOCK, warmed_at, live_orders) VALUES (?, ?, ?, 1, 9.99, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.from(starts.minus(Duration.ofDays(1))));
            insert.setTimestamp(2, Timestamp.from(ends));
            insert.setInt(3, settled == null ? PAYMENT_WINDOW_SECONDS : 900);
            insert.setLong(4, product);
            insert.setInt(5, remaining);
            insert.setString(6, UUID.randomUUID().toString());
            insert.setTimestamp(7, settled == null ? null : Timestamp.from(settled));
            insert.setTimestamp(8, Timestamp.from(starts));
            insert.setInt(9, stock);
            insert.setTimestamp(10, Timestamp.from(starts.minusSeconds(30)));
            insert.setInt(11, liveOrders);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    /** The live sale's Redis copy as the purchase script and the order writer leave it: every buyer claimed. */
    private void holdInRedis(long sale, Instant now, List<String[]> held) {
        String prefix = "sk:{a" + sale + "}:";
        long expires = now.plus(Duration.ofHours(3)).plusSeconds(PAYMENT_WINDOW_SECONDS).plus(Duration.ofHours(24))
                .toEpochMilli();
        try (Jedis redis = redis()) {
            Pipeline pipeline = redis.pipelined();
            for (int from = 0; from < held.size(); from += 1_000) {
                Map<String, String> buyers = new LinkedHashMap<>();
                Map<String, String> orders = new LinkedHashMap<>();
                for (String[] purchase : held.subList(from, Math.min(held.size(), from + 1_000))) {
                    buyers.put(purchase[0], purchase[1]);
                    orders.put(purchase[1], purchase[2]);
                }
                pipeline.hset(prefix + "buyers", buyers);
                pipeline.hset(prefix + "orders", orders);
            }
            pipeline.set(prefix + "stock", Integer.toString(LIVE_BUYERS));
            pipeline.hset(prefix + "meta", Map.of("limit", "1", "starts", Long.toString(now.minusSeconds(60)
                    .toEpochMilli()), "ends", Long.toString(now.plus(Duration.ofHours(3)).toEpochMilli()), "held",
                    Integer.toString(held.size()), "expires", Long.toString(expires)));
            for (String key : List.of("buyers", "orders", "stock", "meta")) {
                pipeline.pexpireAt(prefix + key, expires);
            }
            pipeline.sync();
        }
    }

    private void insertOutbox(Connection sql, Instant now) throws Exception {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO seckill_outbox (ID, event_id, event_type,"
                + " message_key, occurred_at, PAYLOAD, published_at) VALUES (?, ?, 'OrderConfirmed', ?, ?, ?, ?)")) {
            for (int i = 0; i < OLD_OUTBOX_ROWS + RECENT_OUTBOX_ROWS; i++) {
                Instant at = i < OLD_OUTBOX_ROWS ? now.minus(Duration.ofDays(3)) : now.minus(Duration.ofHours(2));
                String order = UUID.randomUUID().toString();
                insert.setLong(1, LOADED_OUTBOX_IDS + i);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, order);
                insert.setTimestamp(4, Timestamp.from(at));
                insert.setString(5, "{\"order_id\":\"" + order + "\",\"status\":\"CONFIRMED\"}");
                insert.setTimestamp(6, Timestamp.from(at.plusSeconds(1)));
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                    sql.commit();
                }
            }
            insert.executeBatch();
            sql.commit();
        }
        System.out.printf("%d outbox rows written (%d past the retention)%n", OLD_OUTBOX_ROWS + RECENT_OUTBOX_ROWS,
                OLD_OUTBOX_ROWS);
    }
}
