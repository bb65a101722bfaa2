package dev.cdrgateway.hostile;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.cdrgateway.hostile.HostileClient.GRAPHQL_RESPONSE;
import static dev.cdrgateway.hostile.HostileClient.JSON_TYPE;
import static dev.cdrgateway.hostile.HostileClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile HTTP envelopes around GraphQL: broken GET parameters, wrong media types, malformed and oddly shaped
 * JSON bodies, ambiguous operation selection, content negotiation. Each answers a 4xx with a JSON
 * {@code errors[]} of documented codes (never a 5xx, never an HTML or empty body), and the next good request
 * works.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class HostileHttpTest extends UpstreamTest {

    private static final String TYPENAME = "{__typename}";
    private static final String TWO_OPERATIONS = "query A { __typename } query B { __typename }";

    @TestHTTPResource("/graphql")
    URI graphql;

    private HostileClient client;

    @BeforeEach
    void client() {
        client = new HostileClient(graphql, GraphQLClient.defaultToken());
    }

    static Stream<Arguments> badGetRequests() {
        return Stream.of(
                Arguments.of("variables={bad", "query=" + encode(TYPENAME) + "&variables=" + encode("{bad")),
                Arguments.of("variables=[1]", "query=" + encode(TYPENAME) + "&variables=" + encode("[1]")),
                Arguments.of("variables=1", "query=" + encode(TYPENAME) + "&variables=1"),
                Arguments.of("variables=\"x\"", "query=" + encode(TYPENAME) + "&variables=" + encode("\"x\"")),
                Arguments.of("extensions={bad", "query=" + encode(TYPENAME) + "&extensions=" + encode("{bad")),
                Arguments.of("extensions=[1]", "query=" + encode(TYPENAME) + "&extensions=" + encode("[1]")),
                Arguments.of("operationName= with two operations", "query=" + encode(TWO_OPERATIONS) + "&operationName="),
                Arguments.of("operationName naming a missing operation",
                        "query=" + encode(TWO_OPERATIONS) + "&operationName=C"),
                Arguments.of("two operations without operationName", "query=" + encode(TWO_OPERATIONS)),
                Arguments.of("duplicate query parameters", "query=" + encode(TYPENAME) + "&query=" + encode("{viewer{role}}")),
                Arguments.of("duplicate variables parameters",
                        "query=" + encode(TYPENAME) + "&variables=" + encode("{}") + "&variables=" + encode("{}")),
                Arguments.of("missing query", ""),
                Arguments.of("missing query with variables", "variables=" + encode("{}")),
                Arguments.of("empty query", "query="));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badGetRequests")
    void badGetRequestsAre400BadRequest(String name, String rawQuery) {
        named(name, () -> client.assertHttpError(client.getRaw(rawQuery, JSON_TYPE), 400, "BAD_REQUEST"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A request target that is not valid URL encoding is refused with 400 by the HTTP server, before any handler of
     * the gateway runs (so with an empty body, not the gateway's JSON: README "GraphQL over HTTP"); the gateway
     * keeps serving.
     */
    @ParameterizedTest(name = "GET /graphql?{0}")
    @ValueSource(strings = {"query=%zz", "query=%7B__typename%7D&variables=%", "query=%E0%A4%A"})
    void undecodablePercentEscapesAre400(String rawQuery) {
        named(rawQuery, () -> {
            HostileClient.Answer answer = client.getOverSocket(graphql.getPath() + "?" + rawQuery, JSON_TYPE);
            org.junit.jupiter.api.Assertions.assertEquals(400, answer.status(), answer.toString());
            org.junit.jupiter.api.Assertions.assertFalse(answer.body().contains("Exception"), answer.body());
            client.assertStillServes();
        });
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "POST Content-Type: {0}")
    @ValueSource(strings = {"application/jsno", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json-patch+json", "application/graphql",
            "application/graphql-response+json", "application/xml", "json", "*/*"})
    void otherRequestMediaTypesAre415(String contentType) {
        named(contentType, () -> client.assertHttpError(client.post(contentType, JSON_TYPE,
                "{\"query\":\"{__typename}\"}"), 415, "UNSUPPORTED_MEDIA_TYPE"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "POST Content-Type: {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "Application/JSON"})
    void jsonRequestMediaTypesAreAccepted(String contentType) {
        HostileClient.Answer answer = client.assertContract(client.post(contentType, JSON_TYPE,
                "{\"query\":\"{__typename}\"}"));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("Query", answer.json().path("data").path("__typename").asText(null), answer::toString);
    }

    static Stream<Arguments> badPostBodies() {
        return Stream.of(
                Arguments.of("broken JSON", "{\"query\": "),
                Arguments.of("truncated JSON", "{\"query\":\"{__typename}\""),
                Arguments.of("unterminated string", "{\"query\":\"{__typename"),
                Arguments.of("trailing garbage", "{\"query\":\"{__typename}\"} x"),
                Arguments.of("empty body", ""),
                Arguments.of("a JSON string", "\"{__typename}\""),
                Arguments.of("a JSON number", "42"),
                Arguments.of("JSON null", "null"),
                Arguments.of("JSON true", "true"),
                Arguments.of("an empty JSON array", "[]"),
                Arguments.of("a JSON array of numbers", "[1, 2]"),
                Arguments.of("variables as an array", "{\"query\":\"{__typename}\",\"variables\":[1]}"),
                Arguments.of("variables as a string", "{\"query\":\"{__typename}\",\"variables\":\"{}\"}"),
                Arguments.of("variables as a number", "{\"query\":\"{__typename}\",\"variables\":1}"),
                Arguments.of("operationName as a number", "{\"query\":\"{__typename}\",\"operationName\":1}"),
                Arguments.of("operationName as an object", "{\"query\":\"{__typename}\",\"operationName\":{}}"),
                Arguments.of("extensions as a string", "{\"query\":\"{__typename}\",\"extensions\":\"x\"}"),
                Arguments.of("extensions as an array", "{\"query\":\"{__typename}\",\"extensions\":[]}"),
                Arguments.of("persistedQuery as a string", "{\"query\":\"{__typename}\",\"extensions\":{\"persistedQuery\":\"x\"}}"),
                Arguments.of("query as a number", "{\"query\":1}"),
                Arguments.of("query as an object", "{\"query\":{\"a\":1}}"),
                Arguments.of("query as an array", "{\"query\":[\"{__typename}\"]}"),
                Arguments.of("query null", "{\"query\":null}"),
                Arguments.of("empty object", "{}"),
                Arguments.of("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)),
                Arguments.of("10,000 unclosed arrays", "[".repeat(10_000)),
                Arguments.of("10,000 nested objects in extensions",
                        "{\"query\":\"{__typename}\",\"extensions\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)));
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("badPostBodies")
    void badPostBodiesAre400BadRequest(String name, String body) {
        named(name, () -> client.assertHttpError(client.post(JSON_TYPE, JSON_TYPE, body), 400, "BAD_REQUEST"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Odd but not necessarily invalid requests: whatever the answer, it meets the contract. */
    @Test
    void oddRequestsMeetTheContract() {
        client.assertContract(client.getRaw("query=%C3%28", JSON_TYPE));
        client.assertContract(client.getRaw("query=" + encode(TYPENAME) + "&query=", JSON_TYPE));
        client.assertContract(client.post(";;;", JSON_TYPE, "{\"query\":\"{__typename}\"}"));
        client.assertContract(client.post("application/json, text/plain", JSON_TYPE, "{\"query\":\"{__typename}\"}"));
        client.assertContract(client.post(null, JSON_TYPE, "{\"query\":\"{__typename}\"}"));
        client.assertContract(client.post(JSON_TYPE, JSON_TYPE, "{\"query\":\"{__typename}\",\"query\":\"{viewer{role}}\"}"));
        client.assertContract(client.post(JSON_TYPE, JSON_TYPE, "{\"query\":\"{__typename}\\ud800\"}"));
        client.assertContract(client.post(JSON_TYPE, JSON_TYPE, "{\"query\":\"{__typename}\u0000\"}"));
        client.assertContract(client.post(JSON_TYPE, JSON_TYPE, "{\"query\":\"\\u0000{__typename}\"}"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBodyAboveTheLimitIsA4xxWithJsonErrors() {
        String body = "{\"query\":\"{__typename}\",\"variables\":{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}}";
        HostileClient.Answer answer = client.assertContract(client.post(JSON_TYPE, JSON_TYPE, body));
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer::toString);
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDocumentAboveTheLimitIsA4xxWithJsonErrors() {
        String body = "{\"query\":\"{__typename}" + " ".repeat(300 * 1024) + "\"}";
        HostileClient.Answer answer = client.assertContract(client.post(JSON_TYPE, JSON_TYPE, body));
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer::toString);
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> ambiguousOperations() {
        return Stream.of(
                Arguments.of("operationName \"\"", ",\"operationName\":\"\""),
                Arguments.of("operationName naming a missing operation", ",\"operationName\":\"C\""),
                Arguments.of("no operationName", ""),
                Arguments.of("operationName null", ",\"operationName\":null"));
    }

    @ParameterizedTest(name = "two operations, {0}")
    @MethodSource("ambiguousOperations")
    void ambiguousOperationSelectionIs400BadRequest(String name, String operationName) {
        named(name, () -> client.assertHttpError(client.post(JSON_TYPE, JSON_TYPE,
                "{\"query\":\"" + TWO_OPERATIONS + "\"" + operationName + "}"), 400, "BAD_REQUEST"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void operationNameWithOneOperationThatDoesNotMatchIs400BadRequest() {
        client.assertHttpError(client.post(JSON_TYPE, JSON_TYPE,
                "{\"query\":\"query A { __typename }\",\"operationName\":\"B\"}"), 400, "BAD_REQUEST");
    }

    @Test
    void namingOneOfTwoOperationsRunsIt() {
        HostileClient.Answer answer = client.assertContract(client.post(JSON_TYPE, JSON_TYPE,
                "{\"query\":\"" + TWO_OPERATIONS + "\",\"operationName\":\"B\"}"));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("Query", answer.json().path("data").path("__typename").asText(null), answer::toString);
    }

    @Test
    void acceptAnythingAnswersApplicationJson() {
        assertAnsweredAs("*/*", JSON_TYPE);
    }

    @Test
    void noAcceptHeaderAnswersApplicationJson() {
        assertAnsweredAs(null, JSON_TYPE);
    }

    @Test
    void acceptGraphQLResponseAnswersThatType() {
        assertAnsweredAs(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE);
    }

    @Test
    void acceptApplicationJsonAnswersThatType() {
        assertAnsweredAs(JSON_TYPE, JSON_TYPE);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "image/png", "application/xml"})
    void unacceptableMediaTypesAre406OrJson(String accept) {
        HostileClient.Answer answer = client.assertContract(client.post(JSON_TYPE, accept, "{\"query\":\"{__typename}\"}"));
        if (answer.status() != 200) {
            assertEquals(406, answer.status(), answer::toString);
            assertEquals("NOT_ACCEPTABLE", answer.json().path("errors").path(0).path("extensions").path("code").asText(null),
                    answer::toString);
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {";;;", "application/json;q=abc", "*/*;q=-1", "application/graphql-response+json;q=2, */*;q=x"})
    void malformedAcceptHeadersAreNeverA5xx(String accept) {
        client.assertContract(client.post(JSON_TYPE, accept, "{\"query\":\"{__typename}\"}"));
    }

    /** Runs a check with the case's name in front of its failure message (reports show only indexes). */
    private static void named(String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("[" + name + "] " + e.getMessage(), e);
        }
    }

    private void assertAnsweredAs(String accept, String expected) {
        HostileClient.Answer ok = client.assertContract(client.post(JSON_TYPE, accept, "{\"query\":\"{__typename}\"}"));
        assertEquals(200, ok.status(), ok::toString);
        assertTrue(ok.contentType().startsWith(expected), () -> "Accept " + accept + ": " + ok);
        HostileClient.Answer refused = client.assertContract(client.post(JSON_TYPE, accept, "{\"query\":\"{ noSuchField }\"}"));
        assertTrue(refused.contentType().startsWith(expected), () -> "Accept " + accept + ": " + refused);
        HostileClient.Answer get = client.assertContract(client.get(accept, "query", TYPENAME));
        assertEquals(200, get.status(), get::toString);
        assertTrue(get.contentType().startsWith(expected), () -> "GET, Accept " + accept + ": " + get);
    }
}
