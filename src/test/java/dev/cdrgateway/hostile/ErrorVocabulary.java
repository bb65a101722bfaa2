package dev.cdrgateway.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented error vocabulary of the gateway (README "### Errors") and the contract every answer to a
 * hostile request must meet: status below 500, a JSON body, either a 4xx with {@code {"errors":[...]}} or a
 * GraphQL response; every error with a documented {@code extensions.code}, a boolean
 * {@code extensions.retryable}, no other extension keys than {@link #EXTENSION_KEYS}, and no Java class or
 * package name anywhere in its message or extensions.
 */
public final class ErrorVocabulary {

    /** Every {@code extensions.code} the gateway may answer; the README's error table must list exactly these. */
    public static final Set<String> CODES = Set.of(
            "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "NOT_FOUND", "FORBIDDEN",
            "TENANT_NOT_CONFIGURED", "UNAUTHENTICATED", "UPSTREAM_UNAUTHORIZED", "UPSTREAM_REJECTED",
            "UPSTREAM_RATE_LIMITED", "UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT", "UPSTREAM_INVALID_RESPONSE",
            "BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE",
            "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX",
            "TOO_MANY_ALIASES", "QUERY_TOO_LARGE", "REQUEST_TOO_LARGE", "CLIENT_CLOSED_REQUEST", "INTERNAL");

    /** The only keys an error's {@code extensions} may carry. */
    public static final Set<String> EXTENSION_KEYS = Set.of("code", "retryable", "stale", "staleAgeSeconds");

    /** What a literal of the wrong type in the document may be refused as (argument or document-level). */
    public static final Set<String> LITERAL_TYPE_ERRORS = Set.of("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");

    /** Qualified Java names: package prefixes followed by a dot. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|graphql|io\\.smallrye|io\\.quarkus|io\\.vertx|com\\.fasterxml|dev\\.cdrgateway)\\.");

    /** Words that only appear in a message when an exception or a library's internals leak. */
    private static final Pattern LEAK_WORDS = Pattern.compile(
            "Exception|at dev\\.|(?i:coercing)|DataFetchingException|\\tat ");

    /** Reads bodies of any nesting depth and size the gateway may echo. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
                    .maxStringLength(Integer.MAX_VALUE).build()).build());

    private ErrorVocabulary() {
    }

    /**
     * Checks one answer against the contract and returns its parsed body; the returned list of problems is
     * empty when the answer conforms.
     */
    public static List<String> violations(int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("HTTP status " + status);
        }
        if (contentType == null || !(contentType.startsWith("application/json")
                || contentType.startsWith("application/graphql-response+json"))) {
            problems.add("Content-Type is " + contentType + ", not JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            problems.add("body is not JSON: " + abbreviate(body));
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("body is not a JSON object: " + abbreviate(body));
            return problems;
        }
        JsonNode errors = root.get("errors");
        if (status >= 400 && (errors == null || !errors.isArray() || errors.isEmpty())) {
            problems.add("a " + status + " without errors[]: " + abbreviate(body));
        }
        if (status < 400 && root.get("data") == null && errors == null) {
            problems.add("neither data nor errors: " + abbreviate(body));
        }
        if (errors != null) {
            if (!errors.isArray()) {
                problems.add("errors is not an array: " + abbreviate(body));
            } else {
                for (JsonNode error : errors) {
                    problems.addAll(errorViolations(error));
                }
            }
        }
        return problems;
    }

    /** The contract's problems with one error entry. */
    static List<String> errorViolations(JsonNode error) {
        List<String> problems = new ArrayList<>();
        String message = error.path("message").asText(null);
        if (message == null) {
            problems.add("error without a message: " + error);
        } else if (leaks(message)) {
            problems.add("message leaks Java internals: " + abbreviate(message));
        }
        JsonNode extensions = error.get("extensions");
        if (extensions == null || !extensions.isObject()) {
            problems.add("error without extensions: " + abbreviate(error.toString()));
            return problems;
        }
        JsonNode code = extensions.get("code");
        if (code == null || !code.isTextual() || !CODES.contains(code.asText())) {
            problems.add("undocumented extensions.code " + code + " in " + abbreviate(error.toString()));
        }
        JsonNode retryable = extensions.get("retryable");
        if (retryable == null || !retryable.isBoolean()) {
            problems.add("extensions.retryable is " + retryable + ", not a boolean, in " + abbreviate(error.toString()));
        }
        for (Iterator<String> keys = extensions.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!EXTENSION_KEYS.contains(key)) {
                problems.add("extra extension key `" + key + "` (" + abbreviate(extensions.get(key).toString())
                        + ") in error with code " + code);
            }
        }
        if (leaks(extensions.toString())) {
            problems.add("extensions leak Java internals: " + abbreviate(extensions.toString()));
        }
        return problems;
    }

    /** Whether the text names a Java class or package, an exception, or a library's coercion internals. */
    public static boolean leaks(String text) {
        return JAVA_NAME.matcher(text).find() || LEAK_WORDS.matcher(text).find();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length() + " chars)";
    }
}
