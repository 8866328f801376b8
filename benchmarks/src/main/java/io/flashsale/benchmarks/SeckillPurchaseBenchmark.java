package io.flashsale.benchmarks;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Flash-sale purchases over HTTP at 64, 256 and 1,024 concurrent connections, in two phases: units on sale (nearly
 * every request is a real 202 purchase: each (buyer, sale) pair is used once, over many sales) and sold out (the
 * sale has nothing left). Next to ceilings from the same run and the same connection counts: the no-op endpoint of
 * the same server, and the purchase Lua script run with EVALSHA straight against Redis (what one purchase costs in
 * Redis, redis-benchmark style). Then the time the order writer needs to drain 10,000 purchases published to Kafka.
 */
final class SeckillPurchaseBenchmark {

    private static final int[] CONNECTIONS = {64, 256, 1024};
    private static final long CEILING_SALE = 999_999_999L;
    private static final int DRAIN_PURCHASES = 10_000;

    private SeckillPurchaseBenchmark() {
    }

    /** Answers by kind, counted over warm-up and all repetitions of one measurement. */
    private static final class Outcomes {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void count(String outcome) {
            counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        @Override
        public String toString() {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted.toString().replace("{", "").replace("}", "");
        }
    }

    static void run(PlatformSettings settings, double seconds, int repetitions) throws Exception {
        BenchmarkClient client = new BenchmarkClient(settings);
        String admin = client.adminToken();
        int buyerCount = Integer.getInteger("benchmark.buyers", 1024);
        long signUpStarted = System.nanoTime();
        List<String> buyers = signUp(client, buyerCount);
        System.out.printf("%d buyers signed up and logged in in %.1f s%n", buyerCount,
                (System.nanoTime() - signUpStarted) / 1e9);

        // enough (buyer, sale) pairs that the "on sale" phase never runs out of first purchases
        int sales = Integer.getInteger("benchmark.sales", 100);
        long product = client.createProduct(admin, (long) sales * buyerCount + DRAIN_PURCHASES + 10_000);
        long[] onSale = new long[sales];
        for (int i = 0; i < sales; i++) {
            onSale[i] = createSale(client, admin, product, buyerCount);
        }
        AtomicLong nextPair = new AtomicLong();
        LongAdder accepted = new LongAdder();

        double warmUpSeconds = Double.parseDouble(System.getProperty("benchmark.warmup-seconds", "20"));
        Outcomes warmUp = new Outcomes();
        LoadRun.run(64, warmUpSeconds, 0.1, c -> purchaseNextPair(client, buyers, onSale, nextPair, warmUp, accepted));
        LoadRun.run(64, 2, 0.1, c -> client.ping());

        RedisClient redis = redisPool(settings, 1100);
        String script = purchaseScript();
        String sha = redis.scriptLoad(script, keys(CEILING_SALE).get(0));
        redis.set(keys(CEILING_SALE).get(0), "2000000000");
        AtomicLong ceilingBuyer = new AtomicLong();

        List<String> rows = new ArrayList<>();
        for (int connections : CONNECTIONS) {
            LoadRun.Result noop = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                    c -> client.ping()));
            rows.add(row(connections, "ceiling: no-op endpoint GET /api/v1/ping", noop, null, noop, null));
            LoadRun.Result evalsha = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1, seconds,
                    c -> () -> evalPurchase(redis, sha, ceilingBuyer.incrementAndGet())));
            rows.add(row(connections, "ceiling: EVALSHA purchase.lua on Redis", evalsha, evalsha, noop, null));

            Outcomes buying = new Outcomes();
            LoadRun.Result purchase = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                    c -> purchaseNextPair(client, buyers, onSale, nextPair, buying, accepted)));
            rows.add(row(connections, "purchase, units on sale", purchase, evalsha, noop, buying));
            System.out.println(rows.get(rows.size() - 1));

            long soldOutSale = createSale(client, admin, product, 100);
            Outcomes soldOut = new Outcomes();
            LoadRun.Result late = LoadRun.median(repetitions, () -> LoadRun.run(connections, 1.5, seconds,
                    c -> purchaseAnyBuyer(client, buyers, soldOutSale, soldOut, accepted)));
            rows.add(row(connections, "purchase, sold out (100 units, then nothing)", late, evalsha, noop, soldOut));
            System.out.println(rows.get(rows.size() - 1));
        }
        redis.close();

        System.out.printf("%n%d repetitions of %.0f s each (median by throughput), %d cores, JDK %s%n",
                repetitions, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| connections | what | answers/s | p50 ms | p99 ms | p999 ms | errors | × EVALSHA | × no-op "
                + "| answers (incl. warm-up and repetitions) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);

        long backlogStarted = System.nanoTime();
        long expected = accepted.sum();
        awaitOrders(client, "SELECT COUNT(*) FROM seckill_order", expected, Duration.ofMinutes(10));
        System.out.printf("%nthe order writer caught up with the %d purchases accepted above %.1f s after the load "
                + "ended%n", expected, (System.nanoTime() - backlogStarted) / 1e9);
        drain(client, settings, admin, product);
    }

    /** One of 202 (on sale) or 409 (sold-out, already-purchased) is an answer; 429, 503 and others are errors. */
    private static LoadRun.Request purchaseNextPair(BenchmarkClient client, List<String> buyers, long[] sales,
                                                    AtomicLong nextPair, Outcomes outcomes, LongAdder accepted) {
        return () -> {
            long pair = nextPair.getAndIncrement();
            String buyer = buyers.get((int) (pair % buyers.size()));
            long sale = sales[(int) (pair / buyers.size() % sales.length)];
            return purchase(client, buyer, sale, outcomes, accepted);
        };
    }

    private static LoadRun.Request purchaseAnyBuyer(BenchmarkClient client, List<String> buyers, long sale,
                                                    Outcomes outcomes, LongAdder accepted) {
        return () -> purchase(client, buyers.get(ThreadLocalRandom.current().nextInt(buyers.size())), sale, outcomes,
                accepted);
    }

    private static boolean purchase(BenchmarkClient client, String buyer, long sale, Outcomes outcomes,
                                    LongAdder accepted) throws Exception {
        HttpResponse<String> answer = client.http.send(
                client.request("/seckill/activities/" + sale + "/purchase", buyer, "{\"quantity\":1}"),
                HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        String kind = switch (status) {
            case 202 -> "202";
            case 409 -> answer.body().contains("sold-out") ? "409 sold-out"
                    : answer.body().contains("already-purchased") ? "409 already-purchased" : "409 other";
            default -> Integer.toString(status);
        };
        outcomes.count(kind);
        if (status == 202) {
            accepted.increment();
        }
        return status == 202 || status == 409;
    }

    private static boolean evalPurchase(RedisClient redis, String sha, long buyer) {
        List<?> reply = (List<?>) redis.evalsha(sha, keys(CEILING_SALE), List.of(Long.toString(buyer), "1", "1",
                UUID.randomUUID().toString(), Long.toString(System.currentTimeMillis())));
        return ((Long) reply.get(0)) == 0L;
    }

    /** The KEYS of purchase.lua for one sale, in the order its header comment lists them. */
    private static List<String> keys(long sale) {
        String prefix = "sk:{a" + sale + "}:";
        return List.of(prefix + "stock", prefix + "buyers", prefix + "orders", prefix + "paused", prefix + "undone",
                prefix + "meta");
    }

    private static String purchaseScript() {
        try (InputStream in = SeckillPurchaseBenchmark.class.getClassLoader()
                .getResourceAsStream("io/flashsale/seckill/infrastructure/redis/purchase.lua")) {
            if (in == null) {
                throw new IllegalStateException("purchase.lua is not on the class path (seckill-ejb)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisClient redisPool(PlatformSettings settings, int connections) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        return RedisClient.builder()
                .hostAndPort(settings.redis().host(), settings.redis().port())
                .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(10_000).build())
                .poolConfig(pool)
                .build();
    }

    private static List<String> signUp(BenchmarkClient client, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tokens.add(pool.submit(client::newCustomerToken));
            }
            List<String> buyers = new ArrayList<>();
            for (Future<String> token : tokens) {
                buyers.add(token.get());
            }
            return buyers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long createSale(BenchmarkClient client, String admin, long product, int units) throws Exception {
        Instant now = Instant.now();
        return BenchmarkClient.idOf(client.post("/seckill/activities", admin, "{\"product_id\":" + product
                + ",\"price\":9.99,\"stock\":" + units + ",\"per_user_limit\":1,\"starts_at\":\""
                + now.minusSeconds(5) + "\",\"ends_at\":\"" + now.plus(Duration.ofHours(3)) + "\"}", 201));
    }

    /** Publishes 10,000 purchases straight to Kafka, as the endpoint would, and times the order writer. */
    private static void drain(BenchmarkClient client, PlatformSettings settings, String admin, long product)
            throws Exception {
        long sale = createSale(client, admin, product, DRAIN_PURCHASES);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long started = System.nanoTime();
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
        double published = (System.nanoTime() - started) / 1e9;
        awaitOrders(client, "SELECT COUNT(*) FROM seckill_order WHERE activity_id = " + sale, DRAIN_PURCHASES,
                Duration.ofMinutes(10));
        double drained = (System.nanoTime() - started) / 1e9;
        System.out.printf("order writer: %d purchases published in %.1f s, all %d orders in MySQL after %.1f s "
                + "(%.0f orders/s)%n", DRAIN_PURCHASES, published, DRAIN_PURCHASES, drained, DRAIN_PURCHASES / drained);
    }

    private static void awaitOrders(BenchmarkClient client, String countQuery, long expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (java.sql.Connection db = client.database(); PreparedStatement count = db.prepareStatement(countQuery)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("orders did not reach " + expected + " within " + timeout);
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
