package io.flashsale.it.support;

import io.flashsale.client.FlashSaleClients;
import io.flashsale.client.TokenApi;
import io.flashsale.client.UserApi;
import io.flashsale.client.model.Credentials;
import io.flashsale.client.model.User;
import io.flashsale.client.problem.TemporarilyUnavailableException;

import io.flashsale.platform.Secrets;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Signs up and logs in like a real client: the first admin from the platform's secrets, new customers at will. */
public final class Accounts {

    private static final List<Account> CROWD = new ArrayList<>();
    private static final Map<Long, Instant> LOGGED_IN = new ConcurrentHashMap<>();
    private static final int HASHES_AT_ONCE = 4;

    private final Http http;

    public Accounts(Http http) {
        this.http = http;
    }

    public record Account(long id, String username, String password, String token) {
    }

    /** An {@link Http} client acting as the first administrator. */
    public Http admin() {
        Secrets.AdminCredentials admin = PlatformSession.platform().settings().secrets().admin();
        return http.as(login(admin.username(), NothingSecretLogged.remember(admin.password())));
    }

    /**
     * The first {@code count} of a crowd of customers signed up once per test run and shared by every class that
     * only buys with them (each test's sale is new, so one buyer may buy in all of them). Tokens older than ten
     * minutes are renewed, so a slow run never hands out an expiring one.
     */
    public List<Account> crowd(int count) {
        synchronized (CROWD) {
            List<Callable<Account>> missing = new ArrayList<>();
            for (int i = CROWD.size(); i < count; i++) {
                missing.add(this::newCustomer);
            }
            Instant stale = Instant.now().minus(Duration.ofMinutes(10));
            for (int i = 0; i < Math.min(count, CROWD.size()); i++) {
                Account member = CROWD.get(i);
                if (LOGGED_IN.get(member.id()).isBefore(stale)) {
                    CROWD.set(i, new Account(member.id(), member.username(), member.password(),
                            login(member.username(), member.password())));
                    LOGGED_IN.put(member.id(), Instant.now());
                }
            }
            try {
                // as many at once as the server hashes at once (flashsale.auth.hashing.max-concurrent): more were
                // turned away with a Retry-After of a second each, which made signing up the crowd take minutes
                for (Account joined : Concurrently.run(missing, HASHES_AT_ONCE)) {
                    CROWD.add(joined);
                    LOGGED_IN.put(joined.id(), Instant.now());
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not sign up the crowd", e);
            }
            return List.copyOf(CROWD.subList(0, count));
        }
    }

    public Account newCustomer() {
        String username = "buyer-" + UUID.randomUUID().toString().substring(0, 13);
        String password = NothingSecretLogged.remember("pw-" + UUID.randomUUID());
        User registered = politely(() -> FlashSaleClients.anonymous(UserApi.class, base())
                .registerUser(new Credentials(username, password)));
        return new Account(registered.id(), username, password, login(username, password));
    }

    public String login(String username, String password) {
        return politely(() -> FlashSaleClients.anonymous(TokenApi.class, base())
                .issueToken(new Credentials(username, password))).accessToken();
    }

    private URI base() {
        return URI.create(http.base());
    }

    /** As a well-behaved client does: a 503 with Retry-After (the password-hashing bulkhead is full) is retried. */
    private static <T> T politely(Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (TemporarilyUnavailableException busy) {
                if (busy.retryAfter().isEmpty() || attempt == 20) {
                    throw busy;
                }
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String json(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
