package io.flashsale.benchmarks;

import io.flashsale.benchmarks.BenchmarkClient.Account;
import io.flashsale.platform.PlatformSettings;
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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash-sale purchases over HTTP at 64, 256 and 1,024 concurrent connections, in two phases: units on sale (nearly
 * every request is a real 202 purchase: each (buyer, sale) pair is used once, over as many sales as it takes) and sold
 * out (a sale of 100 units, hammered after they are gone). Next to ceilings from the same run and the same connection
 * counts: the no-op endpoint of the same server, and the purchase Lua script run with EVALSHA straight against Redis
 * (what one purchase costs in Redis, redis-benchmark style). Then the time the order writer needs to drain 10,000
 * purchases published to Kafka.
 */
final class SeckillPurchaseBenchmark {

    private static final int[] CONNECTIONS = {64, 256, 1024};
    private static final int SOLD_OUT_UNITS = 100;
    private static final int DRAIN_PURCHASES = 10_000;
    private static final long PRODUCT_STOCK = 1_000_000_000L;
    /** The longest payment window the API accepts: no order is cancelled (units back on sale) during the run. */
    private static final int PAYMENT_WINDOW_SECONDS = 604_800;
    private static final Set<String> ANSWERS = Set.of("202", "409 sold-out", "409 already-purchased");

    private final BenchmarkClient client;
    private final Account admin;
    private final List<Account> buyers;
    private final long product;
    private final Sales onSale = new Sales();
    private final AtomicLong nextPair = new AtomicLong();
    private final LongAdder accepted = new LongAdder();

    private SeckillPurchaseBenchmark(BenchmarkClient client, Account admin, List<Account> buyers, long product) {
        this.client = client;
        this.admin = admin;
        this.buyers = buyers;
        this.product = product;
    }

    static void run(PlatformSettings settings, double seconds, int repetitions) throws Exception {
        BenchmarkClient client = new BenchmarkClient(settings);
        Account admin = client.admin();
        int buyerCount = Integer.getInteger("benchmark.buyers", 1024);
        long signUpStarted = System.nanoTime();
        List<Account> buyers = inFourThreads(Collections.<Callable<Account>>nCopies(buyerCount,
                client::newCustomer));
        System.out.printf("%d buyers signed up and logged in in %.1f s%n", buyerCount,
                (System.nanoTime() - signUpStarted) / 1e9);
        SeckillPurchaseBenchmark benchmark = new SeckillPurchaseBenchmark(client, admin, buyers,
                client.createProduct(admin, PRODUCT_STOCK));
        try {
            benchmark.measure(settings, seconds, repetitions);
            benchmark.awaitBacklog();
            benchmark.drain(settings);
        } finally {
            benchmark.onSale.close();
        }
    }

    private void measure(PlatformSettings settings, double seconds, int repetitions) throws Exception {
        // a freshly deployed server runs interpreted and JIT-compiles for a while: warm both paths up first
        double warmUpSeconds = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "20"));
        LoadRun.run(64, warmUpSeconds / 2, 0.1, c -> purchaseNextPair(new Outcomes()));
        long warmUpSoldOut = createSale(SOLD_OUT_UNITS);
        LoadRun.run(64, warmUpSeconds / 2, 0.1, c -> purchaseAnyBuyer(warmUpSoldOut, new Outcomes()));
        LoadRun.run(64, 2, 0.1, c -> client.ping());

        // long enough for every measurement of one connection count, so no token is renewed while measuring
        Duration block = Duration.ofSeconds((long) (4 * repetitions * (seconds + 1.5)) + 60);
        List<String> rows = new ArrayList<>();
        try (EvalshaCeiling redis = new EvalshaCeiling(settings, CONNECTIONS[CONNECTIONS.length - 1])) {
            for (int connections : CONNECTIONS) {
                inFourThreads(buyers.stream().map(b -> (Callable<String>) () -> b.tokenValidFor(block)).toList());
                measureAt(connections, seconds, repetitions, redis, rows);
            }
        }
        System.out.printf("%n%d repetitions of %.0f s each (median by throughput), %d cores, JDK %s; %d sales of %d "
                        + "units opened for the on-sale phase%n", repetitions, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), onSale.opened(),
                buyers.size());
        System.out.println("| connections | what | answers/s | p50 ms | p99 ms | p999 ms | errors | × EVALSHA "
                + "| × no-op | answers (incl. warm-up and repetitions) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    private void measureAt(int connections, double seconds, int repetitions, EvalshaCeiling redis, List<String> rows)
            throws Exception {
        LoadRun.Result noop = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                c -> client.ping()));
        add(rows, row(connections, "ceiling: no-op endpoint GET /api/v1/ping", noop, null, noop, null));
        LoadRun.Result evalsha = LoadRun.median(repetitions, () -> {
            redis.reset();
            return LoadRun.run(connections, 1, seconds, c -> redis::purchase);
        });
        add(rows, row(connections, "ceiling: EVALSHA purchase.lua on Redis", evalsha, evalsha, noop, null));

        Outcomes buying = new Outcomes();
        LoadRun.Result purchase = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                c -> purchaseNextPair(buying)));
        add(rows, row(connections, "purchase, units on sale", purchase, evalsha, noop, buying));

        long soldOutSale = createSale(SOLD_OUT_UNITS);
        Outcomes soldOut = new Outcomes();
        LoadRun.Result late = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                c -> purchaseAnyBuyer(soldOutSale, soldOut)));
        add(rows, row(connections, "purchase, sold out (" + SOLD_OUT_UNITS + " units, then none)", late, evalsha, noop,
                soldOut));
    }

    private static void add(List<String> rows, String row) {
        rows.add(row);
        System.out.println(row);
    }

    /** Pair k is buyer k mod N in on-sale sale k / N: every request is the first purchase of its buyer there. */
    private LoadRun.Request purchaseNextPair(Outcomes outcomes) {
        return () -> {
            long pair = nextPair.getAndIncrement();
            Account buyer = buyers.get((int) (pair % buyers.size()));
            return purchase(buyer, onSale.get(pair / buyers.size()), outcomes);
        };
    }

    private LoadRun.Request purchaseAnyBuyer(long sale, Outcomes outcomes) {
        return () -> purchase(buyers.get(ThreadLocalRandom.current().nextInt(buyers.size())), sale, outcomes);
    }

    /** 202 and the 409s of a sale (sold-out, already-purchased) are answers; 429, 503 and the rest are errors. */
    private boolean purchase(Account buyer, long sale, Outcomes outcomes) throws Exception {
        HttpResponse<String> answer = client.http.send(
                client.request("/seckill/activities/" + sale + "/purchase", buyer.token(), "{\"quantity\":1}"),
                HttpResponse.BodyHandlers.ofString());
        String outcome = outcomes.count(answer.statusCode(), answer.body());
        if (answer.statusCode() == 202) {
            accepted.increment();
        }
        return ANSWERS.contains(outcome);
    }

    private long createSale(int units) throws Exception {
        Instant now = Instant.now();
        return BenchmarkClient.idOf(client.post("/seckill/activities", admin.token(), "{\"product_id\":" + product
                + ",\"price\":9.99,\"stock\":" + units + ",\"per_user_limit\":1,\"starts_at\":\"" + now.minusSeconds(5)
                + "\",\"ends_at\":\"" + now.plus(Duration.ofHours(3)) + "\",\"payment_window_seconds\":"
                + PAYMENT_WINDOW_SECONDS + "}", 201));
    }

    /**
     * The sales of the on-sale phase, each with a unit per buyer, opened when first needed and two ahead of that (so
     * requests rarely wait): how many the run needs depends on the throughput.
     */
    private final class Sales implements AutoCloseable {
        private final Map<Long, CompletableFuture<Long>> byIndex = new ConcurrentHashMap<>();
        private final ExecutorService opener = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sale-opener");
            thread.setDaemon(true);
            return thread;
        });

        long get(long index) {
            open(index + 1);
            open(index + 2);
            return open(index).join();
        }

        private CompletableFuture<Long> open(long index) {
            CompletableFuture<Long> sale = byIndex.computeIfAbsent(index, i -> CompletableFuture.supplyAsync(() -> {
                try {
                    return createSale(buyers.size());
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, opener));
            if (sale.isCompletedExceptionally()) {
                byIndex.remove(index, sale); // the next request tries again
            }
            return sale;
        }

        int opened() {
            return byIndex.size();
        }

        @Override
        public void close() {
            opener.shutdownNow();
        }
    }

    /** The order writer's lag behind the purchases accepted above, measured from the end of the load. */
    private void awaitBacklog() throws InterruptedException {
        long started = System.nanoTime();
        long expected = accepted.sum();
        boolean caughtUp = awaitOrders("SELECT COUNT(*) FROM seckill_order", expected, Duration.ofMinutes(10));
        System.out.printf("%nthe order writer %s the %d purchases accepted above %.1f s after the load ended%n",
                caughtUp ? "had written" : "had NOT yet written", expected, (System.nanoTime() - started) / 1e9);
    }

    /** Publishes 10,000 purchases straight to Kafka, as the endpoint would, and times the order writer. */
    private void drain(PlatformSettings settings) throws Exception {
        long sale = createSale(DRAIN_PURCHASES);
        long started = System.nanoTime();
        publishPurchases(settings, sale);
        double published = (System.nanoTime() - started) / 1e9;
        boolean drained = awaitOrders("SELECT COUNT(*) FROM seckill_order WHERE activity_id = " + sale,
                DRAIN_PURCHASES, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!drained) {
            System.out.printf("order writer: %d purchases published in %.1f s, NOT all in MySQL after %.1f s%n",
                    DRAIN_PURCHASES, published, seconds);
            return;
        }
        System.out.printf("order writer: %d purchases published in %.1f s, all %d orders in MySQL after %.1f s "
                + "(%.0f orders/s)%n", DRAIN_PURCHASES, published, DRAIN_PURCHASES, seconds, DRAIN_PURCHASES / seconds);
    }

    /**
     * The events as {@code KafkaPurchaseEvents} sends them (JSON, key = order id, the shared-kernel headers). They are
     * not held in Redis; the order writer's claim finds them unknown and writes them, like purchases Redis lost.
     */
    private static void publishPurchases(PlatformSettings settings, long sale) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
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

    /** Polls every 100 ms until the count reaches {@code expected}; false when the timeout came first. */
    private boolean awaitOrders(String countQuery, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (java.sql.Connection db = client.database(); PreparedStatement count = db.prepareStatement(countQuery)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= expected) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tasks four at a time (sign-up and log-in hash passwords: more would only queue on the server). */
    private static <T> List<T> inFourThreads(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Answers by status and problem type slug ("409 sold-out"), counted over warm-up and all repetitions. */
    private static final class Outcomes {
        private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        String count(int status, String body) {
            Matcher type = TYPE.matcher(body);
            String outcome = status == 202 || !type.find() ? Integer.toString(status) : status + " " + type.group(1);
            counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            return outcome;
        }

        @Override
        public String toString() {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted.toString().replace("{", "").replace("}", "");
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
                PREFIX + "paused", PREFIX + "undone", PREFIX + "meta");

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
                    .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(10_000).build())
                    .poolConfig(pool)
                    .build();
            sha = redis.scriptLoad(script, KEYS.get(0));
        }

        /**
         * Starts from an empty sale (the buyers and orders hashes of earlier runs would only grow), with metadata
         * like a real sale so that the script takes the same path.
         */
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

    private static String row(int connections, String what, LoadRun.Result r, LoadRun.Result evalsha,
                              LoadRun.Result noop, Outcomes outcomes) {
        return String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s |", connections,
                what, r.throughput(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.p999Micros() / 1000.0,
                r.errors(), ratio(r, evalsha), ratio(r, noop), outcomes == null ? "" : outcomes.toString());
    }

    private static String ratio(LoadRun.Result r, LoadRun.Result ceiling) {
        return ceiling == null ? "" : String.format(Locale.ROOT, "%.2f", r.throughput() / ceiling.throughput());
    }
}
