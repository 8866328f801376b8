package io.flashsale.benchmarks;

import io.flashsale.benchmarks.BenchmarkClient.Account;
import io.flashsale.client.model.NewActivity;
import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.payara.DomainConfiguration;
import io.hyperfoil.http.api.HttpMethod;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flash-sale paths over HTTP at 64, 256 and 1,024 connections (Hyperfoil, closed loop): purchases with units on
 * sale (every request the first purchase of its buyer in its sale: sales of one unit per buyer are opened ahead of
 * each run), purchases of a sold-out sale, and owners reading their orders. Next to ceilings from the same run and
 * the same number of connections: the no-op endpoint of the same server, and the purchase Lua script run with
 * EVALSHA straight against Redis. Then: the cost of the admin console's monitoring (all modules OFF against the
 * levels server-config sets), the purchase at a constant rate with coordinated-omission-corrected latency, and the
 * time the order writer needs to drain 10,000 purchases published to Kafka.
 */
final class SeckillPurchaseBenchmark {

    /** {@code -Dbenchmark.seckill.connections=256} measures at fewer levels (a quick check after a change). */
    private static final int[] CONNECTIONS = Arrays.stream(System.getProperty("benchmark.seckill.connections",
            "64,256,1024").split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    /** {@code -Dbenchmark.seckill.sections=measure,drain} runs only those of the four sections. */
    private static final List<String> SECTIONS = List.of(System.getProperty("benchmark.seckill.sections",
            "measure,monitoring,constant-rate,drain").split(","));
    private static final int MONITORING_CONNECTIONS = 256;
    private static final int SOLD_OUT_UNITS = 100;
    private static final int DRAIN_PURCHASES = 10_000;
    private static final int PRODUCT_STOCK = 1_000_000_000;
    /** The longest payment window the API accepts: no order is cancelled (units back on sale) during the run. */
    private static final int PAYMENT_WINDOW_SECONDS = 604_800;
    private static final double WARM_UP_SECONDS = 2;

    private final Platform platform;
    private final BenchmarkClient client;
    private final HttpLoad load;
    private final Account admin;
    private final List<Account> buyers;
    private final long product;
    private final double seconds;
    private final int repetitions;
    private final List<Long> openedSales = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final Charts charts;
    private double purchaseRateSeen = 3000;
    private double purchaseAt256 = 1000;

    private SeckillPurchaseBenchmark(Platform platform, BenchmarkClient client, Account admin, List<Account> buyers,
                                     long product, double seconds, int repetitions, Path chartDirectory) {
        this.platform = platform;
        this.client = client;
        this.load = client.load();
        this.admin = admin;
        this.buyers = buyers;
        this.product = product;
        this.seconds = seconds;
        this.repetitions = repetitions;
        this.charts = new Charts(chartDirectory);
    }

    static void run(Platform platform, double seconds, int repetitions, Path charts) throws Exception {
        BenchmarkClient client = new BenchmarkClient(platform.settings());
        Account admin = client.admin();
        int buyerCount = Integer.getInteger("benchmark.buyers", 1024);
        long signUpStarted = System.nanoTime();
        List<Account> buyers = BenchmarkClient.inFourThreads(Collections.<Callable<Account>>nCopies(buyerCount,
                client::newCustomer));
        System.out.printf("%d buyers signed up and logged in in %.1f s%n", buyerCount,
                (System.nanoTime() - signUpStarted) / 1e9);
        SeckillPurchaseBenchmark benchmark = new SeckillPurchaseBenchmark(platform, client, admin, buyers,
                client.createProduct(admin, PRODUCT_STOCK), seconds, repetitions, charts);
        benchmark.warmUp();
        if (SECTIONS.contains("measure")) {
            benchmark.measure();
        }
        if (SECTIONS.contains("monitoring")) {
            benchmark.monitoringCost();
        }
        if (SECTIONS.contains("constant-rate")) {
            benchmark.constantRate();
        }
        if (SECTIONS.contains("drain")) {
            benchmark.drain(platform.settings());
        }
    }

    /** A freshly started server runs interpreted and compiles for minutes: every path runs first, unmeasured. */
    private void warmUp() throws Exception {
        double warmUpSeconds = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "240"));
        double each = warmUpSeconds / 4;
        BenchmarkClient.renewTokens(buyers, Duration.ofMinutes(10));
        load.closedLoop(BenchmarkClient.ping(), 64, 0, each, new AtomicLong());
        load.closedLoop(onSale(64, each), 64, 0, each, new AtomicLong());
        load.closedLoop(soldOut(), 64, 0, each, new AtomicLong());
        load.closedLoop(ordersOfOwners(), 64, 0, each, new AtomicLong());
    }

    private void measure() throws Exception {
        try (EvalshaCeiling redis = new EvalshaCeiling(platform.settings(), 256)) {
            for (int connections : CONNECTIONS) {
                BenchmarkClient.renewTokens(buyers, Duration.ofMinutes(8));
                measureAt(connections, redis);
            }
        }
        System.out.printf("%n%d repetitions of %.0f s each (median by throughput), %d cores, JDK %s; %d sales of %d "
                        + "units opened for the on-sale runs%n", repetitions, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), openedSales.size(),
                buyers.size());
        System.out.println("| connections | what | answers/s | p50 ms | p99 ms | p999 ms | errors | × no-op | "
                + "× EVALSHA | load generator (cores) | answers (median run) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
        charts.write("seckill", "Flash sale over HTTP (2 cores, everything co-located)", "concurrent connections", false);
    }

    private void measureAt(int connections, EvalshaCeiling redis) throws Exception {
        Measurement noop = LoadRun.median(repetitions, () -> load.closedLoop(BenchmarkClient.ping(), connections,
                WARM_UP_SECONDS, seconds, new AtomicLong()));
        report(connections, "ceiling: no-op endpoint GET /api/v1/ping", noop, noop, null, true);
        int redisClients = Math.min(connections, 256);
        Measurement evalsha = LoadRun.median(repetitions, () -> {
            redis.reset();
            return LoadRun.run(redisClients, 1, seconds, c -> redis::purchase);
        });
        report(connections, "ceiling: EVALSHA purchase.lua on Redis (" + redisClients + " Jedis threads)", evalsha,
                noop, evalsha, true);

        Measurement purchase = LoadRun.median(repetitions, () -> load.closedLoop(onSale(connections, seconds),
                connections, WARM_UP_SECONDS, seconds, new AtomicLong()));
        purchaseRateSeen = Math.max(purchaseRateSeen, purchase.throughput());
        if (connections == 256) {
            purchaseAt256 = purchase.throughput();
        }
        report(connections, "purchase, units on sale (202)", purchase, noop, evalsha, false);

        Measurement late = LoadRun.median(repetitions, () -> load.closedLoop(soldOut(), connections, WARM_UP_SECONDS,
                seconds, new AtomicLong()));
        report(connections, "purchase, sold out (409)", late, noop, evalsha, false);

        Measurement order = LoadRun.median(repetitions, () -> load.closedLoop(ordersOfOwners(), connections,
                WARM_UP_SECONDS, seconds, new AtomicLong()));
        report(connections, "owner reads an order (GET, 200)", order, noop, evalsha, false);
    }

    private void report(int connections, String what, Measurement m, Measurement noop, Measurement evalsha,
                        boolean ceiling) {
        charts.add(what.replaceAll(" \\(.*", ""), ceiling, connections, m);
        String row = String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f | %.2f | %d | %.2f | %s | %s | %s |",
                connections, what, m.throughput(), m.p50(), m.p99(), m.p999(), m.errors(), m.ratio(noop),
                evalsha == null ? "" : String.format(Locale.ROOT, "%.2f", m.ratio(evalsha)),
                m.generatorCores() < 0 ? "" : String.format(Locale.ROOT, "%.2f", m.generatorCores()),
                m.answers().toString().replace("{", "").replace("}", ""));
        rows.add(row);
        System.out.println(row);
    }

    /**
     * What the admin console's monitoring costs: the no-op endpoint, the purchase and the order read with every
     * monitoring module OFF, then with the levels server-config sets, alternating, at
     * {@value #MONITORING_CONNECTIONS} connections.
     */
    private void monitoringCost() throws Exception {
        BenchmarkClient.renewTokens(buyers, Duration.ofMinutes(8));
        Map<String, String> off = DomainConfiguration.monitoringLevels().keySet().stream()
                .collect(Collectors.toMap(module -> module, module -> "OFF"));
        Map<String, List<Measurement>> runs = new HashMap<>();
        for (int i = 0; i < repetitions; i++) {
            for (boolean monitored : new boolean[] {false, true}) {
                platform.domain().setMonitoringLevels(monitored ? DomainConfiguration.monitoringLevels() : off);
                String key = monitored ? "monitored" : "off";
                runs.computeIfAbsent("ping " + key, x -> new ArrayList<>()).add(load.closedLoop(BenchmarkClient.ping(),
                        MONITORING_CONNECTIONS, WARM_UP_SECONDS, seconds, new AtomicLong()));
                runs.computeIfAbsent("purchase " + key, x -> new ArrayList<>()).add(load.closedLoop(
                        onSale(MONITORING_CONNECTIONS, seconds), MONITORING_CONNECTIONS, WARM_UP_SECONDS, seconds,
                        new AtomicLong()));
                runs.computeIfAbsent("order read " + key, x -> new ArrayList<>()).add(load.closedLoop(
                        ordersOfOwners(), MONITORING_CONNECTIONS, WARM_UP_SECONDS, seconds, new AtomicLong()));
            }
        }
        platform.domain().setMonitoringLevels(DomainConfiguration.monitoringLevels());
        System.out.printf("%nmonitoring cost at %d connections (median of %d, alternating OFF / %s)%n",
                MONITORING_CONNECTIONS, repetitions, DomainConfiguration.monitoringLevels());
        System.out.println("| what | all modules OFF /s | p99 ms | monitored /s | p99 ms | monitored ÷ OFF |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String path : List.of("ping", "purchase", "order read")) {
            Measurement off1 = Measurement.median(runs.get(path + " off"));
            Measurement on = Measurement.median(runs.get(path + " monitored"));
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.2f | %.2f |%n", path, off1.throughput(),
                    off1.p99(), on.throughput(), on.p99(), on.ratio(off1));
        }
    }

    /**
     * The purchase at a fixed rate (80% of the closed-loop result at 256 connections), latency from each request's
     * scheduled time.
     */
    private void constantRate() throws Exception {
        BenchmarkClient.renewTokens(buyers, Duration.ofMinutes(8));
        double rate = Math.floor(purchaseAt256 * 0.8 / 100) * 100;
        Measurement paced = load.constantRate(onSale(256, seconds, rate), rate, 256, WARM_UP_SECONDS, seconds,
                new AtomicLong());
        System.out.printf(Locale.ROOT, "%npurchase at a constant %.0f/s over 256 connections (wrk2 model, latency from "
                        + "the scheduled time): %.0f answers/s, p50 %.2f ms, p99 %.2f ms, p999 %.2f ms, errors %d, %s%n",
                rate, paced.throughput(), paced.p50(), paced.p99(), paced.p999(), paced.errors(), paced.answers());
    }

    // ---------------------------------------------------------------- the requests

    /**
     * Pair k is buyer k mod N in sale k / N (the last sale once they run out): with fresh sales every request is the
     * first purchase of its buyer (202); with one sold-out sale every request is refused (409).
     */
    record Purchases(String[] tokens, long[] activities, int expectedStatus) implements HttpLoad.Shape {
        @Override
        public HttpMethod method() {
            return HttpMethod.POST;
        }

        @Override
        public String path(long k) {
            return "/api/v1/seckill/activities/" + activities[(int) Math.min(k / tokens.length, activities.length - 1)]
                    + "/purchase";
        }

        @Override
        public String token(long k) {
            return tokens[(int) (k % tokens.length)];
        }

        @Override
        public String body(long k) {
            return "{\"quantity\":1}";
        }

        @Override
        public Set<Integer> expected() {
            return Set.of(expectedStatus);
        }
    }

    /** Owners reading their own confirmed orders, in turn. */
    private record OrdersOfOwners(String[] tokens, String[] orders) implements HttpLoad.Shape {
        @Override
        public HttpMethod method() {
            return HttpMethod.GET;
        }

        @Override
        public String path(long k) {
            return "/api/v1/seckill/orders/" + orders[(int) (k % orders.length)];
        }

        @Override
        public String token(long k) {
            return tokens[(int) (k % tokens.length)];
        }

        @Override
        public Set<Integer> expected() {
            return Set.of(200);
        }
    }

    private HttpLoad.Shape onSale(int connections, double measuredSeconds) throws Exception {
        return onSale(connections, measuredSeconds, purchaseRateSeen * 1.5);
    }

    /** Opens as many new sales as a run at {@code rate} can use up (plus one), one unit per buyer each. */
    private HttpLoad.Shape onSale(int connections, double measuredSeconds, double rate) throws Exception {
        long requests = (long) (rate * (WARM_UP_SECONDS + measuredSeconds)) + connections;
        int needed = (int) (requests / buyers.size()) + 2;
        long[] activities = new long[needed];
        for (int i = 0; i < needed; i++) {
            activities[i] = createActivity(buyers.size());
            openedSales.add(activities[i]);
        }
        return new Purchases(tokens(buyers), activities, 202);
    }

    private HttpLoad.Shape soldOut() throws Exception {
        return new Purchases(tokens(buyers), new long[] {createActivity(SOLD_OUT_UNITS)}, 409);
    }

    /** The confirmed orders of the on-sale runs so far, each read with its owner's token. */
    private HttpLoad.Shape ordersOfOwners() throws Exception {
        Map<Long, String> tokenOfUser = new HashMap<>();
        for (Account buyer : buyers) {
            tokenOfUser.put(buyer.id, buyer.token());
        }
        List<String> tokens = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        try (java.sql.Connection db = client.database();
             PreparedStatement select = db.prepareStatement("SELECT user_id, order_id FROM seckill_order"
                     + " WHERE status = 'CONFIRMED' ORDER BY created_at DESC LIMIT 20000");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String token = tokenOfUser.get(row.getLong(1));
                if (token != null) {
                    tokens.add(token);
                    orders.add(row.getString(2));
                }
            }
        }
        if (orders.isEmpty()) {
            throw new IllegalStateException("no confirmed order to read: the purchase runs wrote none");
        }
        return new OrdersOfOwners(tokens.toArray(String[]::new), orders.toArray(String[]::new));
    }

    static String[] tokens(List<Account> accounts) throws Exception {
        String[] tokens = new String[accounts.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = accounts.get(i).token();
        }
        return tokens;
    }

    private long createActivity(int units) throws Exception {
        Instant now = Instant.now();
        return client.createActivity(admin, new NewActivity(product, new BigDecimal("9.99"), units, 1, now.minusSeconds(5),
                now.plus(Duration.ofHours(3)), PAYMENT_WINDOW_SECONDS));
    }

    // ---------------------------------------------------------------- the order writer

    /**
     * Publishes 10,000 purchases straight to Kafka, as the endpoint would, and times the order writer, {@code
     * repetitions} times: from the first publish to the last order in MySQL, and the writer's own span (first to last
     * confirmation; publishing and writing overlap).
     */
    private void drain(PlatformSettings settings) throws Exception {
        client.awaitCount("SELECT COUNT(*) FROM seckill_order WHERE status = 'CONFIRMED'", -1, Duration.ofMinutes(10));
        System.out.printf("%norder writer, %d purchases published to Kafka at once:%n", DRAIN_PURCHASES);
        System.out.println("| run | published in s | all in MySQL after s | orders/s | writer's span s (first to last confirmed) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= repetitions; run++) {
            long sale = createActivity(DRAIN_PURCHASES);
            long started = System.nanoTime();
            publishPurchases(settings, sale);
            double published = (System.nanoTime() - started) / 1e9;
            boolean drained = client.awaitCount("SELECT COUNT(*) FROM seckill_order WHERE activity_id = " + sale,
                    DRAIN_PURCHASES, Duration.ofMinutes(5));
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "| %d | %.2f | %s | %.0f | %.2f |%n", run, published,
                    drained ? String.format(Locale.ROOT, "%.2f", elapsed) : "NOT all after " + elapsed,
                    DRAIN_PURCHASES / elapsed, writerSpan(sale));
        }
    }

    private double writerSpan(long sale) throws SQLException {
        try (java.sql.Connection db = client.database(); PreparedStatement span = db.prepareStatement(
                "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(confirmed_at), MAX(confirmed_at)) FROM seckill_order"
                        + " WHERE activity_id = ?")) {
            span.setLong(1, sale);
            try (ResultSet row = span.executeQuery()) {
                row.next();
                return row.getLong(1) / 1e6;
            }
        }
    }

    /**
     * The events as {@code KafkaPurchaseEvents} sends them (JSON, key = order id, the shared-kernel headers). They are
     * not held in Redis; the order writer's claim finds them unknown and writes them, like purchases Redis lost.
     */
    private static void publishPurchases(PlatformSettings settings, long sale) throws Exception {
        Map<String, Object> config = new HashMap<>(settings.kafkaClientProperties());
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int user = 1; user <= DRAIN_PURCHASES; user++) {
                String orderId = UUID.randomUUID().toString();
                String eventId = UUID.randomUUID().toString();
                Instant at = Instant.now();
                ProducerRecord<String, String> record = new ProducerRecord<>("seckill.purchases", orderId,
                        "{\"event_id\":\"" + eventId + "\",\"order_id\":\"" + orderId + "\",\"activity_id\":" + sale
                                + ",\"user_id\":" + user + ",\"quantity\":1,\"price\":9.99,\"occurred_at\":\"" + at
                                + "\"}");
                record.headers().add("event_type", "SeckillPurchase".getBytes(StandardCharsets.UTF_8));
                record.headers().add("event_id", eventId.getBytes(StandardCharsets.UTF_8));
                record.headers().add("timestamp", at.toString().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<?> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * purchase.lua run with EVALSHA straight on Redis, as the server runs it, on a sale of its own that never sells
     * out: every call is an accepted purchase of a new buyer.
     */
    private static final class EvalshaCeiling implements AutoCloseable {
        private static final String SCRIPT = "io/flashsale/seckill/infrastructure/redis/purchase.lua";
        private static final String PREFIX = "sk:{a999999999}:";
        /** The KEYS the script's header comment declares, in its order (SeckillKeys is not public). */
        private static final List<String> KEYS = List.of(PREFIX + "stock", PREFIX + "buyers", PREFIX + "orders",
                PREFIX + "paused", PREFIX + "undone", PREFIX + "meta", PREFIX + "maintenance", PREFIX + "unclaimed");

        private final RedisClient redis;
        private final String sha;
        private final AtomicLong buyer = new AtomicLong();

        EvalshaCeiling(PlatformSettings settings, int connections) {
            String script = loadScript();
            int declared = Pattern.compile("KEYS\\[(\\d+)]").matcher(script).results()
                    .mapToInt(key -> Integer.parseInt(key.group(1))).max().orElse(0);
            if (declared != KEYS.size()) {
                throw new IllegalStateException("purchase.lua uses " + declared + " KEYS, the benchmark passes "
                        + KEYS.size() + ": update EvalshaCeiling.KEYS");
            }
            GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
            pool.setMaxTotal(connections);
            pool.setMaxIdle(connections);
            redis = RedisClient.builder()
                    .hostAndPort(settings.redis().host(), settings.redis().port())
                    .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(10_000)
                            .password(settings.redisPassword()).ssl(settings.redis().tls()).build())
                    .poolConfig(pool)
                    .build();
            sha = redis.scriptLoad(script, KEYS.get(0));
        }

        /** Starts from an empty sale, with metadata like a real sale so that the script takes the same path. */
        void reset() {
            redis.unlink(KEYS.toArray(String[]::new));
            redis.set(PREFIX + "stock", "2000000000");
            redis.hset(PREFIX + "meta", Map.of("limit", "1", "starts", "0",
                    "ends", Long.toString(Instant.now().plus(Duration.ofDays(1)).toEpochMilli())));
        }

        boolean purchase() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String orderId = new UUID(random.nextLong(), random.nextLong()).toString(); // no SecureRandom contention
            List<?> reply = (List<?>) redis.evalsha(sha, KEYS, List.of(Long.toString(buyer.incrementAndGet()), "1",
                    "1", orderId, Long.toString(System.currentTimeMillis())));
            return (Long) reply.get(0) == 0L;
        }

        private static String loadScript() {
            try (InputStream in = EvalshaCeiling.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("purchase.lua is not on the class path (seckill-ejb)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            redis.close();
        }
    }
}
