package io.flashsale.it.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The served OpenAPI document ({@code /openapi}) as the judge of every exchange the HTTP tests make with the API:
 * each answer must be one the document describes for that request (status, headers, body schema), and a request
 * the document rules out must not be accepted. What does not hold is collected and fails the test class
 * ({@link NothingSecretLogged} style, by {@link ContractKept}).
 */
public final class Contract {

    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static volatile OpenApiInteractionValidator validator;

    private Contract() {
    }

    static void check(String method, URI uri, Map<String, List<String>> requestHeaders, String body,
                      int status, Map<String, List<String>> responseHeaders, String responseBody) {
        if (!uri.getRawPath().startsWith("/api/")) {
            return; // health, metrics and the document itself are not part of the API's contract
        }
        if (method.equals("OPTIONS") || method.equals("HEAD")) {
            return; // answered by HTTP itself (Allow, headers of the GET), not operations of the API
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                request.withQueryParam(equals < 0 ? pair : pair.substring(0, equals),
                        equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        requestHeaders.forEach(request::withHeader);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.forEach(response::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        OpenApiInteractionValidator judge = validator();
        ValidationReport requestReport;
        try {
            requestReport = judge.validateRequest(request.build());
        } catch (RuntimeException unreadable) { // e.g. a Content-Type with an unknown charset: no valid request
            requestReport = ValidationReport.singleton(ValidationReport.Message.create("request.unreadable",
                    String.valueOf(unreadable.getMessage())).build().withLevel(ValidationReport.Level.ERROR));
        }
        if (requestReport.hasErrors()) {
            if (status < 400) {
                VIOLATIONS.add(method + " " + uri + " -> " + status + ": accepted a request the contract rules out: "
                        + messages(requestReport));
            }
            return; // refused as the contract says it must be; the answer is checked by the problem tests
        }
        ValidationReport responseReport = judge.validateResponse(uri.getRawPath(),
                Request.Method.valueOf(method), response.build());
        if (responseReport.hasErrors()) {
            VIOLATIONS.add(method + " " + uri + " -> " + status + ": " + messages(responseReport));
        }
    }

    /** The violations collected since the last call, which clears them. */
    public static List<String> drain() {
        synchronized (VIOLATIONS) {
            List<String> found = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return found;
        }
    }

    private static String messages(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("; "));
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (Contract.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document()).build();
                }
            }
        }
        return validator;
    }

    /** The document as the server serves it (also when the exchange went through a proxy). */
    public static String document() {
        Http.Reply served = new Http(PlatformSession.serverUrl().toString()).get("/openapi");
        if (served.status() != 200) {
            throw new IllegalStateException("/openapi answered " + served.status());
        }
        return served.body();
    }
}
