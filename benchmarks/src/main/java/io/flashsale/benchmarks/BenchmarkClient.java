package io.flashsale.benchmarks;

import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;
import io.hyperfoil.http.api.HttpMethod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every benchmark does against the running platform: sign up, log in, create things, ping, reach MySQL. */
final class BenchmarkClient {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\":(\\d+)");

    /**
     * HTTP/1.1 only: the JDK client would otherwise offer an h2c upgrade and multiplex every request over one
     * connection, and the benchmarks are about a given number of concurrent connections.
     */
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String api;
    private final PlatformSettings settings;

    BenchmarkClient(PlatformSettings settings) {
        this.settings = settings;
        this.api = settings.httpBaseUrl() + "/api/v1";
    }

    /**
     * A logged-in account. Tokens expire (15 minutes by default) and a benchmark can run longer, so {@link #token()}
     * logs in again when the token has less than a minute left.
     */
    final class Account {
        private record Token(String value, long expiresAtNanos) {
        }

        final long id;
        private final String username;
        private final String password;
        private volatile Token token;

        private Account(long id, String username, String password) {
            this.id = id;
            this.username = username;
            this.password = password;
        }

        String token() throws Exception {
            return tokenValidFor(Duration.ofMinutes(1));
        }

        /** Logs in again unless the current token is still valid for {@code duration}. */
        String tokenValidFor(Duration duration) throws Exception {
            Token current = token;
            if (current == null || System.nanoTime() + duration.toNanos() - current.expiresAtNanos() > 0) {
                current = renew(current);
            }
            return current.value();
        }

        private synchronized Token renew(Token seen) throws Exception {
            if (token != seen) {
                return token; // another thread renewed it meanwhile
            }
            long askedAt = System.nanoTime();
            String body = post("/auth/token", null, credentials(username, password), 200);
            Matcher value = TOKEN.matcher(body);
            Matcher expiresIn = EXPIRES_IN.matcher(body);
            if (!value.find() || !expiresIn.find()) {
                throw new IllegalStateException("no token for " + username);
            }
            long lifetime = Duration.ofSeconds(Long.parseLong(expiresIn.group(1))).toNanos();
            token = new Token(value.group(1), askedAt + lifetime);
            return token;
        }
    }

    Account admin() throws Exception {
        Account admin = new Account(-1, settings.secrets().admin().username(), settings.secrets().admin().password());
        admin.token();
        return admin;
    }

    /** Signs up a new customer and logs it in. */
    Account newCustomer() throws Exception {
        String password = "bench-" + UUID.randomUUID();
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 13);
        long id = idOf(post("/users", null, credentials(username, password), 201));
        Account customer = new Account(id, username, password);
        customer.token();
        return customer;
    }

    long createProduct(Account admin, long stock) throws Exception {
        return idOf(post("/products", admin.token(), "{\"name\":\"bench\",\"price\":1.00,\"stock\":" + stock + "}",
                201));
    }

    static long idOf(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    /** A 503 with Retry-After (a full bulkhead, e.g. of password hashing) is retried, as a polite client does. */
    String post(String path, String token, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(path, token, json), HttpResponse.BodyHandlers.ofString());
        for (int retry = 1; response.statusCode() == 503 && retry <= 20
                && response.headers().firstValue("Retry-After").isPresent(); retry++) {
            Thread.sleep(100L * retry);
            response = http.send(request(path, token, json), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    HttpRequest request(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** The no-op endpoint (204): the HTTP ceiling of the same server. */
    static HttpLoad.Shape ping() {
        return new Ping();
    }

    private record Ping() implements HttpLoad.Shape {
        @Override
        public HttpMethod method() {
            return HttpMethod.GET;
        }

        @Override
        public String path(long k) {
            return "/api/v1/ping";
        }

        @Override
        public Set<Integer> expected() {
            return Set.of(204);
        }
    }

    /** Logs in again every account whose token expires within {@code duration}, four at a time. */
    static <T> List<T> inFourThreads(List<Callable<T>> tasks) throws Exception {
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

    static void renewTokens(List<Account> accounts, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<String> renewed : pool.invokeAll(accounts.stream()
                    .map(a -> (Callable<String>) () -> a.tokenValidFor(duration)).toList())) {
                renewed.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    HttpLoad load() {
        URI base = URI.create(settings.httpBaseUrl());
        return new HttpLoad(base.getHost(), base.getPort());
    }

    Connection database() {
        DatabaseEndpoint db = settings.database();
        try {
            return DriverManager.getConnection(db.jdbcUrl() + "&cachePrepStmts=true&useServerPrepStmts=false",
                    db.user(), settings.databasePassword());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
