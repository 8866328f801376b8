package io.flashsale.benchmarks;

import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.PlatformSettings.DatabaseEndpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every benchmark does against the running platform: sign up, log in, create things, ping, reach MySQL. */
final class BenchmarkClient {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String api;
    private final PlatformSettings settings;

    BenchmarkClient(PlatformSettings settings) {
        this.settings = settings;
        this.api = settings.httpBaseUrl() + "/api/v1";
    }

    String adminToken() throws Exception {
        return login(settings.secrets().admin().username(), settings.secrets().admin().password());
    }

    /** Signs up a new customer and returns its bearer token. */
    String newCustomerToken() throws Exception {
        String password = "bench-" + UUID.randomUUID();
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 13);
        post("/users", null, credentials(username, password), 201);
        return login(username, password);
    }

    String login(String username, String password) throws Exception {
        Matcher token = TOKEN.matcher(post("/auth/token", null, credentials(username, password), 200));
        if (!token.find()) {
            throw new IllegalStateException("no token for " + username);
        }
        return token.group(1);
    }

    long createProduct(String adminToken, long stock) throws Exception {
        return idOf(post("/products", adminToken, "{\"name\":\"bench\",\"price\":1.00,\"stock\":" + stock + "}", 201));
    }

    static long idOf(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    String post(String path, String token, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(path, token, json), HttpResponse.BodyHandlers.ofString());
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

    /** The no-op endpoint: the HTTP ceiling of the same server. */
    LoadRun.Request ping() {
        HttpRequest ping = HttpRequest.newBuilder(URI.create(api + "/ping")).timeout(Duration.ofSeconds(60)).build();
        return () -> http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    }

    Connection database() {
        DatabaseEndpoint db = settings.database();
        try {
            return DriverManager.getConnection("jdbc:mysql://" + db.host() + ":" + db.port() + "/" + db.name()
                    + "?useSSL=false&allowPublicKeyRetrieval=true&cachePrepStmts=true&useServerPrepStmts=false",
                    db.user(), db.password());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
