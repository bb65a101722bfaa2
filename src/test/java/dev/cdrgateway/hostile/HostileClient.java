package dev.cdrgateway.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends raw requests (any body, any headers, any query string) to the gateway with the JDK client, which adds
 * no {@code Accept} header of its own, bounded by a per-request timeout so a stalled gateway fails the test
 * instead of hanging it.
 */
public final class HostileClient {

    /** No single request may take longer than this; a stall fails the case. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final String JSON_TYPE = "application/json";
    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private final URI graphql;
    private final String token;
    private final HttpClient http;

    public HostileClient(URI graphql, String token) {
        this.graphql = graphql;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** One answer: status, Content-Type and body text, plus the parsed body when it is JSON. */
    public record Answer(String request, int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return ErrorVocabulary.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(request + ": body is not JSON: " + ErrorVocabulary.abbreviate(body), e);
            }
        }

        /** The distinct {@code extensions.code}s of the errors. */
        public Set<String> codes() {
            List<String> codes = new ArrayList<>();
            json().path("errors").forEach(e -> codes.add(e.path("extensions").path("code").asText(null)));
            return codes.stream().map(String::valueOf).collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        @Override
        public String toString() {
            return request + " -> HTTP " + status + " " + contentType + " " + ErrorVocabulary.abbreviate(body);
        }
    }

    /** POSTs a GraphQL request object {@code {"query": ..., "variables": ...}} as application/json. */
    public Answer postGraphQL(String query, Map<String, ?> variables) {
        return postGraphQL(query, json(variables));
    }

    /** POSTs {@code {"query": ..., "variables": <variables as JSON text>}}; null variables are left out. */
    public Answer postGraphQL(String query, String variables) {
        String body = "{\"query\":" + json(query) + (variables == null ? "" : ",\"variables\":" + variables) + "}";
        return post(JSON_TYPE, JSON_TYPE, body);
    }

    /** A value as JSON text; null stays null (not "null"). */
    public static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return ErrorVocabulary.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a raw body; {@code accept} null sends no Accept header. */
    public Answer post(String contentType, String accept, String body) {
        HttpRequest.Builder request = base(graphql).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build(), "POST " + contentType + " " + ErrorVocabulary.abbreviate(body));
    }

    /** GETs /graphql with a raw (already encoded) query string. */
    public Answer getRaw(String rawQuery, String accept) {
        HttpRequest.Builder request = base(URI.create(graphql + (rawQuery.isEmpty() ? "" : "?" + rawQuery))).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build(), "GET ?" + ErrorVocabulary.abbreviate(rawQuery));
    }

    /** GETs /graphql with the parameters (name, value, ...) URL-encoded, in order, repeats allowed. */
    public Answer get(String accept, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i > 0 ? "&" : "").append(encode(params[i])).append('=').append(encode(params[i + 1]));
        }
        return getRaw(query.toString(), accept);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder base(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request, String description) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(description, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(description + ": no answer within " + TIMEOUT + " (the gateway stalled)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(description + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts the contract for an answer to a hostile request, and that the next good request still works. */
    public Answer assertContract(Answer answer) {
        List<String> problems = ErrorVocabulary.violations(answer.status(), answer.contentType(), answer.body());
        if (!problems.isEmpty()) {
            fail(answer + "\nviolates the contract:\n  " + String.join("\n  ", problems));
        }
        assertStillServes();
        return answer;
    }

    /** Asserts the contract, an error answer (no data), and that every error's code is one of {@code codes}. */
    public Answer assertRefused(Answer answer, Set<String> codes) {
        assertContract(answer);
        JsonNode root = answer.json();
        assertTrue(root.path("data").isMissingNode() || root.path("data").isNull(),
                () -> "expected no data: " + answer);
        assertTrue(root.path("errors").isArray() && !root.path("errors").isEmpty(), () -> "expected errors: " + answer);
        assertTrue(codes.containsAll(answer.codes()), () -> "expected codes " + codes + ", got " + answer.codes()
                + ": " + answer);
        return answer;
    }

    /** {@link #assertRefused} with one code. */
    public Answer assertRefused(Answer answer, String code) {
        return assertRefused(answer, Set.of(code));
    }

    /** Asserts the HTTP status, the contract, and that the first error's code is {@code code}. */
    public Answer assertHttpError(Answer answer, int status, String code) {
        assertContract(answer);
        assertEquals(status, answer.status(), () -> "status of " + answer);
        assertEquals(code, answer.json().path("errors").path(0).path("extensions").path("code").asText(null),
                () -> "code of " + answer);
        return answer;
    }

    /** The good request after a hostile one: {@code { __typename }} answers 200 with Query. */
    public void assertStillServes() {
        Answer good = post(JSON_TYPE, JSON_TYPE, "{\"query\":\"{ __typename }\"}");
        assertEquals(200, good.status(), () -> "the good request after a hostile one: " + good);
        assertEquals("Query", good.json().path("data").path("__typename").asText(null),
                () -> "the good request after a hostile one: " + good);
    }
}
