package io.flashsale.shared.infrastructure.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes the document Payara scans from the JAX-RS resources (registered as {@code mp.openapi.filter}): the
 * error answers every endpoint shares, once, instead of annotating each method (the RFC 9457 problem schema and, per
 * operation, the statuses it can answer with it), and snake_case property names. It lives
 * in the EAR's lib/ because Payara builds the document with the application's (EAR) class loader and configuration.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        dropEndpointList(api);
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(ProblemResponsesFilter::snakeCaseProperties);
            api.getComponents().getSchemas().forEach(ProblemResponsesFilter::requireWhatAResponseAlwaysCarries);
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                errorsOf(path, method, operation).forEach((status, description) -> {
                    if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse(status)) {
                        operation.getResponses().addAPIResponse(status, problem(status, description));
                    }
                })));
    }

    /**
     * JSON-B leaves out a null property, so a response schema's property is always there unless it is marked
     * nullable; the scanner does not say so, a client generator needs it.
     */
    private static void requireWhatAResponseAlwaysCarries(String name, Schema schema) {
        if (!name.endsWith("Response") || schema.getProperties() == null) {
            return;
        }
        schema.setRequired(schema.getProperties().entrySet().stream()
                .filter(property -> !Boolean.TRUE.equals(property.getValue().getNullable()))
                .map(Map.Entry::getKey).toList());
    }

    private static Map<String, String> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "invalid input (type /problems/invalid-input): nothing was changed");
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme("bearer"));
        // an Authorization header that is no valid bearer token is refused on every operation, public ones too
        errors.put("401", secured ? "missing, expired or invalid bearer token"
                : "an Authorization header that is not a valid bearer token");
        if (secured) {
            errors.put("403", "the token's role may not do this");
        }
        if (path.endsWith("/auth/token") && method == PathItem.HttpMethod.POST) {
            errors.put("401", "wrong username or password (the same answer for both)");
        }
        if (path.endsWith("/payments/callback")) {
            errors.put("401", "no, a wrong, a stale or an already used Payment-Signature");
        }
        if (path.contains("{")) {
            errors.put("404", "no such resource (or not yours)");
        } else if (path.endsWith("/seckill/activities") && method == PathItem.HttpMethod.POST) {
            errors.put("404", "no such product");
        }
        errors.put("406", "the Accept header excludes application/json");
        if (operation.getRequestBody() != null) {
            errors.put("415", "the body is not application/json");
        }
        if (method == PathItem.HttpMethod.POST || path.startsWith("/api/v1/users/{")) {
            errors.put("409", "a business rule said no: e.g. insufficient-stock, contention, sold-out,"
                    + " already-purchased (with order_id), activity-not-active, order-pending, username taken,"
                    + " an administrator changing their own account");
        }
        if (path.endsWith("/purchase") || path.endsWith("/auth/token")) {
            errors.put("429", "too many requests (rate-limited, too-many-login-attempts); see Retry-After");
        }
        errors.put("503", "MySQL, Redis or Kafka unavailable, or the instance is shedding load; nothing was taken,"
                + " retry after Retry-After");
        return errors;
    }

    /**
     * The scanner names properties after the Java fields; on the wire JSON-B writes them in snake_case (the API's one
     * naming rule, see JsonbProvider), so the document says what clients actually send and receive.
     */
    private static void snakeCaseProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> renamed.put(snakeCase(name), property));
        schema.setProperties(renamed);
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(ProblemResponsesFilter::snakeCase).toList());
        }
    }

    /**
     * Payara 6 serializes a list of its endpoints as a top-level {@code endpoints} member, which OpenAPI 3.0 does not
     * allow (validators refuse the document); newer Payara writes it as the extension {@code x-endpoints}. Its model
     * class is Payara's own, so it is cleared by name.
     */
    private static void dropEndpointList(OpenAPI api) {
        try {
            // empty, not null: Payara copies it later; an empty member is not written
            api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new TreeMap<String, Object>());
        } catch (ReflectiveOperationException notThisPayara) {
            // nothing to drop
        }
    }

    /**
     * Payara's scanner writes every attribute of a {@code @Schema} annotation, defaults included; the harmful one
     * is {@code maxProperties: 0} (no object may have a property), the others only clutter.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        // a long or int the scanner typed "number" (it ignores type = INTEGER on record components)
        if ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.INTEGER);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        snakeCaseProperties(schema);
        dateTimeAsString(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ProblemResponsesFilter::dateTimeAsString);
        }
        return schema;
    }

    /** The scanner types a {@code long} path or query parameter {@code number}, which would allow 1.5. */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getType() == Schema.SchemaType.NUMBER && schema.getFormat() == null) {
            schema.setType(Schema.SchemaType.INTEGER);
            schema.setFormat("int64");
        }
        return parameter;
    }

    /** The scanner types a java.time.Instant field {@code object} even when annotated as a date-time string. */
    private static void dateTimeAsString(Schema schema) {
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static APIResponse problem(String status, String description) {
        APIResponse response = OASFactory.createAPIResponse();
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("seconds to wait before trying again")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        }
        return response
                .description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; clients switch on 'type'")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .example("/problems/sold-out"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("available", OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                        .description("insufficient-stock: units available"))
                .addProperty("order_id", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("already-purchased: the buyer's existing order"))
                .addProperty("violations", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .description("invalid-input: what is wrong, by field (snake_case, as sent)")
                        .items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .required(List.of("field", "message"))))
                .required(List.of("type", "title", "status"));
    }
}
