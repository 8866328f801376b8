package io.flashsale.benchmarks;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.ProductApi;
import io.flashsale.client.ActivityApi;
import io.flashsale.client.TokenApi;
import io.flashsale.client.UserApi;
import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.NewProduct;
import io.flashsale.client.model.NewActivity;
import io.flashsale.client.problem.TemporarilyUnavailableException;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;
import io.hyperfoil.http.api.HttpMethod;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.function.Supplier;

/** What every benchmark does against the running platform: sign up, log in, create things, ping, reach MySQL. */
final class BenchmarkClient {

    private final URI base;
    private final PlatformSettings settings;

    BenchmarkClient(PlatformSettings settings) {
        this.settings = settings;
        this.base = URI.create(settings.httpBaseUrl());
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
            io.flashsale.client.model.Token issued = politely(() -> FlashSaleClients.anonymous(TokenApi.class, base)
                    .issueToken(new Credentials(username, password)));
            token = new Token(issued.accessToken(), askedAt + Duration.ofSeconds(issued.expiresIn()).toNanos());
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
        long id = politely(() -> FlashSaleClients.anonymous(UserApi.class, base)
                .registerUser(new Credentials(username, password))).id();
        Account customer = new Account(id, username, password);
        customer.token();
        return customer;
    }

    long createProduct(Account admin, int stock) throws Exception {
        return FlashSaleClients.signedIn(ProductApi.class, base, admin.token())
                .createProduct(new NewProduct("bench", null, BigDecimal.ONE, stock)).id();
    }

    long createActivity(Account admin, NewActivity sale) throws Exception {
        return FlashSaleClients.signedIn(ActivityApi.class, base, admin.token()).createActivity(sale).id();
    }

    /** A 503 with Retry-After (a full bulkhead, e.g. of password hashing) is retried, as a polite client does. */
    private static <T> T politely(Supplier<T> call) throws InterruptedException {
        for (int retry = 1; ; retry++) {
            try {
                return call.get();
            } catch (TemporarilyUnavailableException busy) {
                if (retry == 20 || busy.retryAfter().isEmpty()) {
                    throw busy;
                }
                Thread.sleep(100L * retry);
            }
        }
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

    /**
     * Polls a count every 50 ms until it reaches {@code expected} or, for -1, every 2 s until it stops changing (the
     * platform has worked off what the runs before left it); false when the timeout came first.
     */
    boolean awaitCount(String countQuery, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        try (Connection db = database(); PreparedStatement count = db.prepareStatement(countQuery)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    long now = row.getLong(1);
                    if (expected >= 0 ? now >= expected : now == last) {
                        return true;
                    }
                    last = now;
                }
                Thread.sleep(expected >= 0 ? 50 : 2000);
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
