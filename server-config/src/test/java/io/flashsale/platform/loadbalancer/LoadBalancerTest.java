package io.flashsale.platform.loadbalancer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example load balancer against real sockets: in turn, a dead instance skipped, its own 503 a problem. */
class LoadBalancerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void spreadsRequestsRoundRobinAndSkipsAnInstanceThatRefusesConnections() throws Exception {
        HttpServer first = instance("first");
        HttpServer second = instance("second");
        int dead = freePort();
        int port = freePort();
        try (LoadBalancer balancer = new LoadBalancer("127.0.0.1", port, List.of(url(first), url(second),
                "http://127.0.0.1:" + dead))) {
            balancer.start();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> reply = get(port);
                assertEquals(200, reply.statusCode(), reply.body());
                answers.add(reply.body());
            }
            // in turn; a turn that fell on the dead one went to the next live one
            assertTrue(answers.stream().filter("first"::equals).count() >= 4, answers.toString());
            assertTrue(answers.stream().filter("second"::equals).count() >= 4, answers.toString());
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void answersAProblemWhenNoInstanceTakesTheRequest() throws Exception {
        int port = freePort();
        try (LoadBalancer balancer = new LoadBalancer("127.0.0.1", port, List.of("http://127.0.0.1:" + freePort()))) {
            balancer.start();
            HttpResponse<String> reply = get(port);
            assertEquals(503, reply.statusCode());
            assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse(""));
            assertEquals("1", reply.headers().firstValue("Retry-After").orElse(""));
            assertTrue(reply.body().contains("\"type\":\"/problems/service-unavailable\""), reply.body());
            assertTrue(reply.body().contains("\"status\":503"), reply.body());
        }
    }

    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer instance(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
