package io.flashsale.web.problem;

import io.flashsale.product.domain.model.InsufficientStockException;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.seckill.domain.model.activity.ActivityId;
import io.flashsale.seckill.domain.model.activity.AlreadyPurchasedException;
import io.flashsale.seckill.domain.model.activity.PurchaseRateLimitedException;
import io.flashsale.seckill.domain.model.activity.PurchasesOverloadedException;
import io.flashsale.seckill.domain.model.activity.SoldOutException;
import io.flashsale.shared.domain.DomainException;
import io.flashsale.shared.domain.InvalidInputException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.shared.domain.ServiceUnavailableException;
import io.flashsale.user.application.InvalidCredentialsException;
import io.flashsale.user.application.LoginThrottledException;
import jakarta.ejb.EJBException;
import jakarta.ejb.TransactionRolledbackLocalException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure the API answers is an RFC 9457 problem: the status, {@code application/problem+json}, and a body of
 * {@code type}, {@code title}, {@code status}, {@code detail} and the extra members of its kind.
 */
class ProblemMappingRulesTest {

    private static final String SECRET = "jdbc:mysql://db.internal:3306/flashsale?password=hunter2";

    private final Logger unexpectedLog = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    // the last-resort mapper logs each incident at SEVERE: kept here, off the build's console
    @BeforeEach
    void captureIncidents() {
        unexpectedLog.addHandler(capture);
        unexpectedLog.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        unexpectedLog.removeHandler(capture);
        unexpectedLog.setUseParentHandlers(true);
    }

    private static JsonObject body(Response response) {
        assertEquals(MediaType.valueOf(Problem.MEDIA_TYPE), response.getMediaType());
        try (var reader = Json.createReader(new StringReader((String) response.getEntity()))) {
            return reader.readObject();
        }
    }

    private static JsonObject problem(int status, String type, String title, String detail) {
        var problem = Json.createObjectBuilder().add("type", "/problems/" + type).add("title", title)
                .add("status", status);
        return (detail == null ? problem : problem.add("detail", detail)).build();
    }

    /** A refusal of the given kind that carries nothing else. */
    private static final class Refusal extends DomainException {
        Refusal(Kind kind) {
            super(kind, "some-refusal", "said no");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID, 400, Bad Request, ",
        "UNAUTHENTICATED, 401, Unauthorized, ",
        "FORBIDDEN, 403, Forbidden, ",
        "NOT_FOUND, 404, Not Found, ",
        "CONFLICT, 409, Conflict, ",
        "RATE_LIMITED, 429, Too Many Requests, 1",
        "UNAVAILABLE, 503, Service Unavailable, 1"})
    void eachKindOfRefusalHasItsStatus(DomainException.Kind kind, int status, String title, String retryAfter) {
        Response response = new DomainExceptionMapper().toResponse(new Refusal(kind));
        assertEquals(status, response.getStatus());
        assertEquals(problem(status, "some-refusal", title, "said no"), body(response));
        assertEquals(retryAfter, response.getHeaderString("Retry-After"));
        assertEquals(kind == DomainException.Kind.UNAUTHENTICATED ? "Bearer" : null,
                response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void theMembersComeInTheOrderOfTheRfc() {
        Response response = new DomainExceptionMapper().toResponse(new NotFoundException("order", "o-1"));
        assertEquals("{\"type\":\"/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"order o-1 does not exist\"}", response.getEntity());
    }

    @Test
    void refusalsWithDetailsCarryThemAsExtraMembers() {
        Response stock = new DomainExceptionMapper().toResponse(new InsufficientStockException(new Quantity(5), 2));
        assertEquals(Json.createObjectBuilder(problem(409, "insufficient-stock", "Conflict",
                "5 units requested, 2 available")).add("available", 2).build(), body(stock));

        Response bought = new DomainExceptionMapper().toResponse(new AlreadyPurchasedException(new ActivityId(3),
                "8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11"));
        assertEquals(Json.createObjectBuilder(problem(409, "already-purchased", "Conflict",
                        "you already bought in activity 3"))
                .add("order_id", "8c1b4f7e-0b0a-4a39-9d2e-0f6f0c8f2d11").build(), body(bought));
    }

    @Test
    void theDomainsOwnRefusalsKeepTheirTypesAndRetryAfter() {
        Response limited = new DomainExceptionMapper().toResponse(new PurchaseRateLimitedException());
        assertEquals(problem(429, "rate-limited", "Too Many Requests", "too many purchase requests; slow down"),
                body(limited));
        assertEquals("1", limited.getHeaderString("Retry-After"));

        Response locked = new DomainExceptionMapper().toResponse(new LoginThrottledException(480));
        assertEquals(429, locked.getStatus());
        assertEquals("480", locked.getHeaderString("Retry-After"));

        Response wrongPassword = new DomainExceptionMapper().toResponse(new InvalidCredentialsException());
        assertEquals(problem(401, "invalid-credentials", "Unauthorized", "username or password is wrong"),
                body(wrongPassword));
        assertEquals("Bearer", wrongPassword.getHeaderString("WWW-Authenticate"));

        Response invalid = new DomainExceptionMapper().toResponse(new InvalidInputException("quantity must be between"
                + " 1 and 2"));
        assertEquals(problem(400, "invalid-input", "Bad Request", "quantity must be between 1 and 2"), body(invalid));
    }

    @Test
    void anUnavailableServiceIsNamedButWhatItAnsweredIsNot() {
        Response response = new DomainExceptionMapper().toResponse(new ServiceUnavailableException("redis",
                new JedisConnectionException(SECRET)));
        assertEquals(problem(503, "service-unavailable", "Service Unavailable", "redis is unavailable"),
                body(response));
        assertEquals("1", response.getHeaderString("Retry-After"));
    }

    @Test
    void anAsynchronousEndpointAnswersARefusalAndRethrowsAnythingElse() {
        SoldOutException soldOut = new SoldOutException(new ActivityId(3));
        JsonObject expected = problem(409, "sold-out", "Conflict", "activity 3 is sold out");
        assertEquals(expected, body(DomainExceptionMapper.answerFailure(new CompletionException(soldOut))));
        assertEquals(expected, body(DomainExceptionMapper.answerFailure(soldOut)));

        CompletionException wrapped = new CompletionException(new IllegalStateException(SECRET));
        assertSame(wrapped, assertThrows(CompletionException.class,
                () -> DomainExceptionMapper.answerFailure(wrapped)));
        IllegalStateException bare = new IllegalStateException(SECRET);
        assertSame(bare, assertThrows(CompletionException.class,
                () -> DomainExceptionMapper.answerFailure(bare)).getCause());
    }

    @Test
    void violationsAreListedByFieldInSnakeCase() {
        Set<ConstraintViolation<?>> violations = new HashSet<>(List.of(
                violation("must be greater than or equal to 1", "create", "request", "perUserLimit"),
                violation("must not be null", "create", "request"),
                violation("size must be between 1 and 64", "reserve", "request", "orderId"),
                violation("must not be blank", "line2Address")));
        Response response = new ConstraintViolationMapper().toResponse(new ConstraintViolationException(violations));
        assertEquals(400, response.getStatus());
        JsonObject body = body(response);
        assertEquals(problem(400, "invalid-input", "Bad Request", "the request is not valid"),
                Json.createObjectBuilder(body).remove("violations").build());
        Set<JsonObject> listed = new HashSet<>(body.getJsonArray("violations").getValuesAs(JsonObject.class));
        assertEquals(Set.of(
                violationMember("per_user_limit", "must be greater than or equal to 1"),
                violationMember("request", "must not be null"),
                violationMember("order_id", "size must be between 1 and 64"),
                violationMember("line2_address", "must not be blank")), listed);
        assertEquals(4, body.getJsonArray("violations").size());
    }

    private static JsonObject violationMember(String field, String message) {
        return Json.createObjectBuilder().add("field", field).add("message", message).build();
    }

    @Test
    void aBodyThatIsNotJsonOfTheExpectedShapeIsAMalformedJsonProblemThatDoesNotQuoteTheParser() {
        JsonObject expected = problem(400, "malformed-json", "Bad Request",
                "the request body is not valid JSON of the expected shape");
        assertEquals(expected, body(new MalformedJsonMapper().toResponse(new JsonbException(SECRET))));
        assertEquals(expected, body(new ProcessingExceptionMapper().toResponse(
                new ProcessingException("reading failed", new JsonbException(SECRET)))));
        assertEquals(expected, body(new ProcessingExceptionMapper().toResponse(new ProcessingException("reading",
                new IllegalStateException("wrapped", new JsonParsingException(SECRET, null))))));
    }

    @Test
    void anotherProcessingFailureIsAnIncident() {
        Response response = new ProcessingExceptionMapper().toResponse(
                new ProcessingException(SECRET, new IOException(SECRET)));
        assertIncident(response);
    }

    @Test
    void anUnexpectedFailureGetsAnIncidentIdAndTheLogGetsTheRest() {
        IllegalStateException bug = new IllegalStateException(SECRET);
        Response response = new UnexpectedExceptionMapper().toResponse(bug);
        String incident = assertIncident(response);
        assertEquals(1, logged.size());
        assertEquals("Unexpected failure, incident " + incident, logged.get(0).getMessage());
        assertSame(bug, logged.get(0).getThrown());
    }

    /** 500, no word of the failure, and an incident id the log has too; returns that id. */
    private String assertIncident(Response response) {
        assertEquals(500, response.getStatus());
        JsonObject body = body(response);
        String detail = body.getString("detail");
        assertTrue(detail.matches("incident [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), detail);
        assertEquals(problem(500, "internal-error", "Internal Server Error", detail), body);
        assertEquals(-1, ((String) response.getEntity()).indexOf("hunter2"));
        String incident = detail.substring("incident ".length());
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().endsWith(incident)), "logged: " + incident);
        return incident;
    }

    @Test
    void aRefusalOrAFailedServiceOutOfAnEjbIsAnsweredAsIfThrownDirectly() {
        EjbExceptionMapper mapper = new EjbExceptionMapper();
        EJBException rolledBack = new EJBException(new TransactionRolledbackLocalException("rolled back",
                new SoldOutException(new ActivityId(3))));
        assertEquals(problem(409, "sold-out", "Conflict", "activity 3 is sold out"),
                body(mapper.toResponse(rolledBack)));

        for (Exception failed : List.<Exception>of(new SQLTransientConnectionException(SECRET),
                new ResourceException(SECRET), new SystemException(SECRET))) {
            Response response = mapper.toResponse(new EJBException(new RuntimeException("in the bean", failed)));
            assertEquals(problem(503, "service-unavailable", "Service Unavailable", "database is unavailable"),
                    body(response), failed.toString());
            assertEquals("1", response.getHeaderString("Retry-After"));
        }
        assertEquals(problem(503, "service-unavailable", "Service Unavailable", "redis is unavailable"),
                body(mapper.toResponse(new EJBException(new JedisConnectionException(SECRET)))));
        assertEquals(problem(503, "service-unavailable", "Service Unavailable", "kafka is unavailable"),
                body(mapper.toResponse(new EJBException(new TimeoutException(SECRET)))));
        assertTrue(logged.isEmpty(), "a failed service is no incident");
    }

    @Test
    void anyOtherEjbFailureIsAnIncident() {
        assertIncident(new EjbExceptionMapper().toResponse(new EJBException(new NullPointerException(SECRET))));
        assertIncident(new EjbExceptionMapper().toResponse(new EJBException(SECRET)));
    }

    @Test
    void jaxRsOwnAnswersBecomeProblemsNamedAfterTheirStatusAndKeepTheirHeaders() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        Response notFound = mapper.toResponse(new jakarta.ws.rs.NotFoundException());
        assertEquals(problem(404, "not-found", "Not Found", "HTTP 404 Not Found"), body(notFound));

        Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));
        assertEquals(problem(405, "method-not-allowed", "Method Not Allowed", "HTTP 405 Method Not Allowed"),
                body(notAllowed));
        assertEquals(Set.of("GET", "HEAD"), new HashSet<>(Arrays.asList(notAllowed.getHeaderString("Allow")
                .split(",")).stream().map(String::trim).toList()));

        Response unsupported = mapper.toResponse(new NotSupportedException(Response.status(415)
                .type(MediaType.TEXT_HTML_TYPE).entity("<html>Payara</html>").build()));
        assertEquals(problem(415, "unsupported-media-type", "Unsupported Media Type",
                "HTTP 415 Unsupported Media Type"), body(unsupported));
        assertEquals(Problem.MEDIA_TYPE, unsupported.getHeaderString("Content-Type"), "not the original's");
    }

    @Test
    void anOversizedBodyIsA413ThatClosesTheConnection() {
        Response response = new WebApplicationExceptionMapper().toResponse(new WebApplicationException(
                "request bodies are limited to 32768 bytes",
                Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).header("Connection", "close").build()));
        assertEquals(problem(413, "request-entity-too-large", "Request Entity Too Large",
                "request bodies are limited to 32768 bytes"), body(response));
        assertEquals("close", response.getHeaderString("Connection"));
    }

    @Test
    void aJaxRs401AsksForABearerToken() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        Response anonymous = mapper.toResponse(new WebApplicationException(401));
        assertEquals(problem(401, "unauthorized", "Unauthorized",
                "a bearer token is required (Authorization: Bearer <token>)"), body(anonymous));
        assertEquals("Bearer", anonymous.getHeaderString("WWW-Authenticate"));

        Response challenged = mapper.toResponse(new NotAuthorizedException("Bearer realm=\"flashsale\""));
        assertEquals("Bearer realm=\"flashsale\"", challenged.getHeaderString("WWW-Authenticate"),
                "the challenge given, not a second one");
    }

    @Test
    void aJaxRsAnswerWithoutADetailHasNone() {
        Response response = new WebApplicationExceptionMapper().toResponse(
                new WebApplicationException((String) null, 409));
        assertEquals(problem(409, "conflict", "Conflict", null), body(response));
    }

    @Test
    void aServerErrorFromJaxRsDoesNotEchoItsMessage() {
        Response response = new WebApplicationExceptionMapper().toResponse(
                new jakarta.ws.rs.InternalServerErrorException(SECRET));
        assertEquals(problem(500, "internal-server-error", "Internal Server Error", null), body(response));
    }

    @Test
    void aStatusWithoutAStandardNameStillHasATypeAndATitle() {
        Response response = new WebApplicationExceptionMapper().toResponse(
                new WebApplicationException("not processable", 422));
        assertEquals(problem(422, "http-422", "HTTP 422", "not processable"), body(response));
    }

    @Test
    void aClassLevelViolationIsListedUnderItsObject() {
        Set<ConstraintViolation<?>> violations = Set.of(violation("the window must end after it starts", "create",
                "request", null));
        JsonObject body = body(new ConstraintViolationMapper().toResponse(new ConstraintViolationException(violations)));
        assertEquals(List.of(violationMember("request", "the window must end after it starts")),
                body.getJsonArray("violations").getValuesAs(JsonObject.class));
    }

    @Test
    void tooManyPurchasesInFlightShed503AtOnce() {
        Response response = new DomainExceptionMapper().toResponse(new PurchasesOverloadedException());
        assertEquals(problem(503, "overloaded", "Service Unavailable", "too many purchases in progress; retry shortly"),
                body(response));
        assertEquals("1", response.getHeaderString("Retry-After"));
    }

    /** A violation whose property path has nodes of these names; only what the mapper reads is answered. */
    private static ConstraintViolation<?> violation(String message, String... nodes) {
        List<Path.Node> path = Arrays.stream(nodes).<Path.Node>map(Node::new).toList();
        Path propertyPath = new Path() {
            @Override
            public Iterator<Node> iterator() {
                return path.iterator();
            }

            @Override
            public String toString() {
                return String.join(".", nodes);
            }
        };
        return (ConstraintViolation<?>) Proxy.newProxyInstance(ProblemMappingRulesTest.class.getClassLoader(),
                new Class<?>[] {ConstraintViolation.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMessage" -> message;
                    case "getPropertyPath" -> propertyPath;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> propertyPath + ": " + message;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private record Node(String name) implements Path.Node {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isInIterable() {
            return false;
        }

        @Override
        public Integer getIndex() {
            return null;
        }

        @Override
        public Object getKey() {
            return null;
        }

        @Override
        public ElementKind getKind() {
            return ElementKind.PROPERTY;
        }

        @Override
        public <T extends Path.Node> T as(Class<T> type) {
            return type.cast(this);
        }
    }
}
