package io.flashsale.it.support;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Puts the typed client's exchanges before the same judge as {@link Http}'s ({@link Contract}): the request body as
 * it was written on the wire, the answer as it came. Registered on every Rest Client the suite builds, by the
 * MicroProfile Rest Client listener SPI (META-INF/services), so the tests build their clients exactly as a user does.
 */
public final class ContractCheck implements WriterInterceptor, ClientResponseFilter {

    /** Found by the Rest Client implementation through {@link java.util.ServiceLoader}. */
    public static final class OnEveryClient implements RestClientListener {
        @Override
        public void onNewClient(Class<?> api, RestClientBuilder builder) {
            if (Http.CONTRACT_CHECKED) {
                builder.register(new ContractCheck());
            }
        }
    }

    private static final String BODY = ContractCheck.class.getName() + ".body";
    /** What Stoplight Prism, as a validating proxy, found wrong with an exchange (a JSON array). */
    private static final String PROXY_VIOLATIONS = "sl-violations";
    private static final List<ProxyReport> PROXY_REPORTS = new CopyOnWriteArrayList<>();

    public record ProxyReport(String method, String path, int status, String violations) {
    }

    /** The proxy's reports since the last call, which clears them. */
    public static List<ProxyReport> proxyReports() {
        synchronized (PROXY_REPORTS) {
            List<ProxyReport> found = List.copyOf(PROXY_REPORTS);
            PROXY_REPORTS.clear();
            return found;
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                wire.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                wire.write(b, off, len);
            }
        });
        context.proceed();
        context.setProperty(BODY, copy.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        String answer = null;
        if (response.hasEntity()) {
            byte[] bytes;
            try (InputStream entity = response.getEntityStream()) {
                bytes = entity.readAllBytes();
            }
            response.setEntityStream(new ByteArrayInputStream(bytes));
            answer = new String(bytes, StandardCharsets.UTF_8);
        }
        URI uri = request.getUri();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        request.getStringHeaders().forEach(sent::put);
        Contract.check(request.getMethod(), uri, sent, (String) request.getProperty(BODY), response.getStatus(),
                response.getHeaders(), answer);
        String proxyReport = response.getHeaderString(PROXY_VIOLATIONS);
        if (proxyReport != null) {
            PROXY_REPORTS.add(new ProxyReport(request.getMethod(), uri.getRawPath(), response.getStatus(), proxyReport));
        }
    }
}
