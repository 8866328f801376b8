package io.flashsale.web.logging;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the client's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise), returns it in the same header, and logs one line per failed request with it. The line holds method,
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
            int status = response.getStatus();
            if (status >= 400) {
                LOG.log(status >= 500 ? Level.WARNING : Level.INFO, "request failed: id={0} {1} {2} status={3} {4} ms",
                        new Object[] {id, request.getMethod(), path(request), Integer.toString(status),
                                Long.toString((System.nanoTime() - started) / 1_000_000)});
            }
        }
    }

    private static String correlationId(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original != null ? original.toString() : request.getRequestURI();
    }
}
