package io.flashsale.it.support;

import io.flashsale.platform.Secrets;

import java.util.UUID;

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
        Http.Reply registered = http.post("/api/v1/users", json(username, password));
        if (registered.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + registered.status() + " " + registered.body());
        }
        return new Account(registered.json().getJsonNumber("id").longValue(), username, password,
                login(username, password));
    }

    public String login(String username, String password) {
        Http.Reply token = http.post("/api/v1/auth/token", json(username, password));
        if (token.status() != 200) {
            throw new IllegalStateException("login failed: " + token.status() + " " + token.body());
        }
        return token.json().getString("access_token");
    }

    public static String json(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
