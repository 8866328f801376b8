package io.flashsale.web.json;

import io.flashsale.shared.infrastructure.json.JsonFormat;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the platform's JSON request bodies, and only what a request of ours can be: at most {@value #MAX_BYTES}
 * bytes (413 beyond, without reading the rest), one JSON value nested at most {@value #MAX_DEPTH} deep and nothing
 * after it (400), then bound by the platform's JSON format (strict numbers and instants). Jersey's own JSON-B reader
 * would read a body of any size whole and ignore trailing garbage.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Object> {

    /** Four times the largest valid body (a product with a 2,000-character description in 4-byte characters). */
    public static final int MAX_BYTES = 32 * 1024;
    public static final int MAX_DEPTH = 8;

    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("io.flashsale.");
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] json = readBounded(headers, body);
        if (json.length == 0) {
            return null; // no body: the resource's @NotNull answers that
        }
        checkShape(json);
        return JsonFormat.jsonb().fromJson(new ByteArrayInputStream(json), genericType);
    }

    private static byte[] readBounded(MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        if (declaredTooLarge(headers.getFirst("Content-Length"))) {
            throw tooLarge(); // refused before a byte is read
        }
        byte[] json = body.readNBytes(MAX_BYTES + 1);
        if (json.length > MAX_BYTES) {
            throw tooLarge();
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

    private static WebApplicationException tooLarge() {
        return new WebApplicationException("request bodies are limited to " + MAX_BYTES + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
