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

    /**
     * Sends {@code GET <target> HTTP/1.1} over a plain socket, for request targets the JDK client refuses to build
     * (malformed percent escapes). Reads until the server closes ({@code Connection: close}).
     */
    public Answer getOverSocket(String target, String accept) {
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + graphql.getHost() + ":" + graphql.getPort()
                + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (accept == null ? "" : "Accept: " + accept + "\r\n") + "Connection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(graphql.getHost(), graphql.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                throw new AssertionError("GET " + target + ": no complete HTTP response: " + response);
            }
            String[] head = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (String header : head) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = header.substring(header.indexOf(':') + 1).strip();
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String body = response.substring(headerEnd + 4);
            return new Answer("GET " + target, status, contentType, chunked ? dechunk(body) : body);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("GET " + target + ": no answer within " + TIMEOUT + " (the gateway stalled)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
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

    /**
     * Asserts the contract, an error answer (no data), and that every error's code is one of {@code codes}; every
     * problem is reported at once, so one failure message tells all that is wrong with the answer.
     */
    public Answer assertRefused(Answer answer, Set<String> codes) {
        List<String> problems = new ArrayList<>(ErrorVocabulary.violations(answer.status(), answer.contentType(),
                answer.body()));
        JsonNode root;
        try {
            root = ErrorVocabulary.JSON.readTree(answer.body());
        } catch (IOException e) {
            root = null;
        }
        if (root != null && root.isObject()) {
            if (!(root.path("data").isMissingNode() || root.path("data").isNull())) {
                problems.add("expected no data, got data " + ErrorVocabulary.abbreviate(root.path("data").toString()));
            }
            if (!root.path("errors").isArray() || root.path("errors").isEmpty()) {
                problems.add("expected errors, got none");
            } else if (!codes.containsAll(answer.codes())) {
                problems.add("expected codes " + codes + ", got " + answer.codes());
            }
        }
        if (!problems.isEmpty()) {
            fail(answer + "\nproblems:\n  " + String.join("\n  ", problems));
        }
        assertStillServes();
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
