package io.flashsale.web.logging;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the client's {@code X-Request-Id} when it is a sane token, a new random one
 * otherwise), returns it in the same header, and logs one line with it for each request that failed: a server error
 * (5xx) or a refused authentication or authorization (401, 403). Business answers (404, 409 sold-out, 429...) are
 * not failures and are not logged one by one: a stampede would write a line per buyer; they are counted in metrics,
 * and Payara's access log records every request when an operator turns it on (README). The line holds method,
 * path, status and duration only: never headers, query strings or bodies, which may carry tokens or passwords.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class RequestCorrelationFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestCorrelationFilter.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = Logger.getLogger("io.flashsale.web.requests");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR && request.getAttribute(ATTRIBUTE) != null) {
            chain.doFilter(request, response); // the REQUEST pass logs it
            return;
        }
        String id = correlationId(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // an asynchronous answer (a purchase awaiting Kafka) has its status only when it completes
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        logIfFailed(request, response, id, started);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            } else {
                logIfFailed(request, response, id, started);
            }
        }
    }

    private static void logIfFailed(HttpServletRequest request, HttpServletResponse response, String id,
                                    long started) {
        int status = response.getStatus();
        if (status >= 500 || status == 401 || status == 403) {
            LOG.log(status >= 500 ? Level.WARNING : Level.INFO, "request failed: id={0} {1} {2} status={3} {4} ms",
                    new Object[] {id, request.getMethod(), path(request), Integer.toString(status),
                            Long.toString((System.nanoTime() - started) / 1_000_000)});
        }
    }

    private static String correlationId(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        // not a secret, only unique: no SecureRandom (and its lock) per request
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original != null ? original.toString() : request.getRequestURI();
    }
}
