package io.flashsale.web.json;

import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a JSON request body of ours can be, checked before it is bound: at most {@value #MAX_BYTES} bytes (413 beyond,
 * nothing of it kept), one JSON value nested at most {@value #MAX_DEPTH} deep and nothing after it (400). Jersey's
 * JSON-B reader would read a body of any size whole and ignore trailing garbage; the binding itself is the
 * platform's JSON format (strict numbers and instants).
 */
@Provider
public class JsonBodyLimits implements ReaderInterceptor {

    /** Four times the largest valid body (a product with a 2,000-character description in 4-byte characters). */
    public static final int MAX_BYTES = 32 * 1024;
    public static final int MAX_DEPTH = 8;
    private static final long DRAIN_BYTES = 4L * 1024 * 1024;

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        byte[] json = readBounded(context.getHeaders(), context.getInputStream());
        if (json.length > 0) { // no body: the resource's @NotNull answers that
            checkShape(json);
        }
        context.setInputStream(new ByteArrayInputStream(json));
        return context.proceed();
    }
    private static byte[] readBounded(MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        if (declaredTooLarge(headers.getFirst("Content-Length"))) {
            throw tooLarge(body); // nothing is kept of it
        }
        byte[] json = body.readNBytes(MAX_BYTES + 1);
        if (json.length > MAX_BYTES) {
            throw tooLarge(body);
        }
        return json;
    }

    private static boolean declaredTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.trim()) > MAX_BYTES;
        } catch (NumberFormatException notANumber) {
            return false; // the bounded read decides
        }
    }

    private static void checkShape(byte[] json) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            int depth = 0;
            while (parser.hasNext()) { // Parsson's hasNext refuses anything but white space after the value
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        throw new JsonbException("JSON nested deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
        } catch (JsonParsingException | NoSuchElementException malformed) {
            throw new JsonbException("the request body is not one JSON value: " + malformed.getMessage(), malformed);
        }
    }

    /**
     * The rest of the body is read and dropped, up to {@value #DRAIN_BYTES} bytes: a client still sending it would
     * not read the answer. Beyond that the connection is closed on the sender.
     */
    private static WebApplicationException tooLarge(InputStream body) throws IOException {
        byte[] dropped = new byte[8192];
        long drained = 0;
        for (int n; drained < DRAIN_BYTES && (n = body.read(dropped)) != -1; ) {
            drained += n;
        }
        return new WebApplicationException("request bodies are limited to " + MAX_BYTES + " bytes",
                Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).header("Connection", "close").build());
    }
}
