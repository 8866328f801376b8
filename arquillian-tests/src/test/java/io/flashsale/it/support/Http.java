package io.flashsale.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for tests that act like real API clients, optionally carrying a bearer token. */
public final class Http {

    /**
     * Only where the suite drives the platform from outside: in the test WAR inside Payara there is no
     * {@link Contract} (nor its validator), so it is not even loaded there.
     */
    static final boolean CONTRACT_CHECKED = System.getProperty("flashsale.payara.home") != null;

    // HTTP/1.1 as curl and most API clients speak it (the JDK client would otherwise try an h2c upgrade)
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String bearerToken;
    private final String authorization;

    public Http(String base) {
        this(base, null, null);
    }

    private Http(String base, String bearerToken, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.bearerToken = bearerToken;
        this.authorization = authorization;
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public Http as(String token) {
        return new Http(base, token, null);
    }

    /** The token this client sends, or null. */
    public String bearerToken() {
        return bearerToken;
    }

    public String base() {
        return base;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    /** A GET with one extra request header. */
    public Reply get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET(), null);
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    /** A POST without a body (an action on the resource, such as paying an order). */
    public Reply post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()), null);
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null);
    }

    /** A POST with one extra request header (none when {@code value} is null). */
    public Reply post(String path, String json, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(value == null ? request : request.header(header, value), json);
    }

    /**
     * A POST sent from another loopback address (127.0.0.2 and up all reach the server's 127.0.0.1 on Linux): what a
     * second client machine looks like to the server. One HTTP/1.0 exchange on a socket of its own.
     */
    public Reply postFrom(String localAddress, String path, String json) {
        URI target = URI.create(base + path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
            socket.setSoTimeout(30_000);
            String head = "POST " + target.getRawPath() + " HTTP/1.0\r\nHost: " + target.getHost() + ":"
                    + target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + (bearerToken == null ? "" : "\r\nAuthorization: Bearer " + bearerToken) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String[] answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2);
            String[] lines = answer[0].split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            HttpHeaders parsed = HttpHeaders.of(headers, (name, value) -> true);
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]),
                    parsed.firstValue("Content-Type").orElse(""), answer.length > 1 ? answer[1] : "", parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any method, body and Content-Type (null: none), as a fuzzer sends them. */
    public Reply request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(contentType == null ? request : request.header("Content-Type", contentType), body);
    }

    /** The same client with a raw Authorization header instead of a bearer token. */
    public Http withAuthorization(String headerValue) {
        return new Http(base, null, headerValue);
    }

    public Reply options(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), null);
    }

    private Reply send(HttpRequest.Builder request, String body) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        } else if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpRequest sent = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString());
            if (CONTRACT_CHECKED) {
                Contract.check(sent.method(), sent.uri(), sent.headers().map(), body, response.statusCode(),
                        response.headers().map(), response.body());
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }
}
