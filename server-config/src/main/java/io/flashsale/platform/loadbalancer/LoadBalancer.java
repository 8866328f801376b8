package io.flashsale.platform.loadbalancer;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;

import java.net.URI;
import java.util.List;

/**
 * The example load balancer in front of a deployment group: Undertow's reverse proxy (the one WildFly's
 * {@code reverse-proxy} handler is made of), round robin over the instances, keep-alive connections to each. An
 * instance that refuses connections is left out for {@link #PROBLEM_SERVER_RETRY_SECONDS} and a request that could
 * not be sent to it is sent to the next one; a request already sent to an instance that dies is answered 503, which a
 * buyer's client retries (a purchase is idempotent per buyer and sale). Its own answers (503 when no instance took the
 * request, 504 past the time limit) are problem+json like the application's. The same settings for HAProxy are in
 * the README's "Scaling out".
 */
public final class LoadBalancer implements AutoCloseable {

    /** How long an instance that failed a connection is left out before it is tried again. */
    static final int PROBLEM_SERVER_RETRY_SECONDS = 5;
    /** Connections the proxy keeps to each instance, per I/O thread. */
    static final int CONNECTIONS_PER_THREAD = 32;
    private static final int MAX_REQUEST_MILLIS = 30_000;

    private final Undertow server;

    public LoadBalancer(String address, int port, List<String> instances) {
        LoadBalancingProxyClient backends = new LoadBalancingProxyClient()
                .setConnectionsPerThread(CONNECTIONS_PER_THREAD)
                .setProblemServerRetry(PROBLEM_SERVER_RETRY_SECONDS);
        instances.forEach(instance -> backends.addHost(URI.create(instance)));
        HttpHandler proxy = ProxyHandler.builder()
                .setProxyClient(backends)
                .setMaxRequestTime(MAX_REQUEST_MILLIS)
                // a connection refused means nothing was sent: the next instance may take the request
                .setMaxConnectionRetries(instances.size())
                .build();
        this.server = Undertow.builder()
                .addHttpListener(port, address)
                .setIoThreads(2)
                .setHandler(exchange -> {
                    exchange.addDefaultResponseListener(LoadBalancer::problem);
                    proxy.handleRequest(exchange);
                })
                .build();
    }

    /** Called when an exchange ends without a body: the proxy's own failure, answered as a problem. */
    private static boolean problem(HttpServerExchange exchange) {
        int status = exchange.getStatusCode();
        if (exchange.isResponseStarted() || status < 500) {
            return false;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        exchange.getResponseSender().send("{\"type\":\"/problems/service-unavailable\",\"title\":\"Service"
                + " Unavailable\",\"status\":" + status + ",\"detail\":\"no instance answered the request; retry"
                + " after Retry-After\"}");
        return true;
    }

    public void start() {
        server.start();
    }

    @Override
    public void close() {
        server.stop();
    }
}
