package io.flashsale.it.support;

import io.flashsale.platform.Secrets;

import java.util.UUID;
import java.util.function.Supplier;

/** Signs up and logs in like a real client: the first admin from the platform's secrets, new customers at will. */
public final class Accounts {

    private final Http http;

    public Accounts(Http http) {
        this.http = http;
    }

    public record Account(long id, String username, String password, String token) {
    }

    /** An {@link Http} client acting as the first administrator. */
    public Http admin() {
        Secrets.AdminCredentials admin = PlatformSession.platform().settings().secrets().admin();
        return http.as(login(admin.username(), admin.password()));
    }

    public Account newCustomer() {
        String username = "buyer-" + UUID.randomUUID().toString().substring(0, 13);
        String password = "pw-" + UUID.randomUUID();
        Http.Reply registered = politely(() -> http.post("/api/v1/users", json(username, password)));
        if (registered.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + registered.status() + " " + registered.body());
        }
        return new Account(registered.json().getJsonNumber("id").longValue(), username, password,
                login(username, password));
    }

    public String login(String username, String password) {
        Http.Reply token = politely(() -> http.post("/api/v1/auth/token", json(username, password)));
        if (token.status() != 200) {
            throw new IllegalStateException("login failed: " + token.status() + " " + token.body());
        }
        return token.json().getString("access_token");
    }

    /** As a well-behaved client does: a 503 with Retry-After (the password-hashing bulkhead is full) is retried. */
    private static Http.Reply politely(Supplier<Http.Reply> request) {
        for (int attempt = 1; ; attempt++) {
            Http.Reply reply = request.get();
            if (reply.status() != 503 || reply.header("Retry-After").isEmpty() || attempt == 20) {
                return reply;
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    public static String json(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
