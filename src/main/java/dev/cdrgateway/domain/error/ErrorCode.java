package dev.cdrgateway.domain.error;

import java.util.Optional;

/**
 * The gateway's whole error vocabulary: every {@code errors[].extensions.code} a client can see, on GraphQL
 * errors and on HTTP-level refusals alike. Clients switch on these names, so they are a stable API: a code is
 * added here and to the README's error table together, never invented at a call site. {@link #retryable()}
 * says whether sending the same request again later may succeed, {@link #httpStatus()} the HTTP status of an
 * answer that is this error alone.
 */
public enum ErrorCode {
    /** An argument, variable, cursor, date, range or enum value the caller must fix. */
    BAD_USER_INPUT(false, 400),
    /** The document does not fit the schema (unknown field, missing selection, fragment cycle). */
    GRAPHQL_VALIDATION_FAILED(false, 400),
    /** The document is not GraphQL. */
    GRAPHQL_PARSE_FAILED(false, 400),
    /** No such customer or call for this caller, including other tenants' ids. */
    NOT_FOUND(false, 404),
    /** The caller's role may not use this field. */
    FORBIDDEN(false, 403),
    /** No or an unusable bearer token (HTTP 401). */
    UNAUTHENTICATED(false, 401),
    /** The token's tenant has no upstream credentials. */
    TENANT_NOT_CONFIGURED(false, 503),
    /** The vendor rejected the tenant's credentials. */
    UPSTREAM_UNAUTHORIZED(false, 502),
    /** The vendor refused a request the gateway built (another 4xx). */
    UPSTREAM_REJECTED(false, 502),
    /** The vendor kept rate limiting after the gateway's retries. */
    UPSTREAM_RATE_LIMITED(true, 429),
    /** The vendor failed (5xx), could not be reached, reset the connection, or its circuit is open. */
    UPSTREAM_UNAVAILABLE(true, 503),
    /** The vendor did not answer in time, or the request's deadline passed. */
    UPSTREAM_TIMEOUT(true, 504),
    /** The vendor answered, but its answer breaks its contract (shape, types). */
    UPSTREAM_INVALID_RESPONSE(false, 500),
    /** Nesting deeper than {@code gateway.limits.max-depth}. */
    QUERY_TOO_DEEP(false, 400),
    /** More field visits or a higher cost than the limits allow. */
    QUERY_TOO_COMPLEX(false, 400),
    /** More aliased fields than {@code gateway.limits.max-aliases}. */
    TOO_MANY_ALIASES(false, 400),
    /** More parser tokens or characters than {@code gateway.limits.max-tokens} allows. */
    QUERY_TOO_LARGE(false, 400),
    /** A malformed HTTP request: body, parameters, operation selection (HTTP 400). */
    BAD_REQUEST(false, 400),
    /** A POST body that is not {@code application/json} (HTTP 415). */
    UNSUPPORTED_MEDIA_TYPE(false, 415),
    /** A mutation over GET, or a method {@code /graphql} does not serve (HTTP 405). */
    METHOD_NOT_ALLOWED(false, 405),
    /** An {@code Accept} header that admits no JSON media type (HTTP 406). */
    NOT_ACCEPTABLE(false, 406),
    /** A body above the size limit (HTTP 413). */
    REQUEST_TOO_LARGE(false, 413),
    /** An automatic-persisted-query hash this tenant has not registered: send the document with it. */
    PERSISTED_QUERY_NOT_FOUND(true, 400),
    /** A persisted-query hash while persisted queries are switched off. */
    PERSISTED_QUERY_NOT_SUPPORTED(false, 400),
    /**
     * The client closed its connection before the answer: the gateway stopped resolving fields and calling upstream.
     * Nobody receives it and no request-log line is written; the executions it stops are counted in
     * {@code gateway.graphql.abandoned}. Status 499, as nginx calls it.
     */
    CLIENT_CLOSED_REQUEST(false, 499),
    /** Anything else: a defect of the gateway, logged with the reference the message gives. */
    INTERNAL(false, 500);

    private final boolean retryable;
    private final int httpStatus;

    ErrorCode(boolean retryable, int httpStatus) {
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status of an answer that is this error alone: a request refused before GraphQL ran, or a CSV export
     * refused before its first byte. Inside a GraphQL response a code sets no status of its own (the
     * GraphQL-over-HTTP media type rules decide it).
     */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the same request may succeed later. */
    public boolean retryable() {
        return retryable;
    }

    /** The documented code of this name, or empty for anything else (a framework's or an exception's name). */
    public static Optional<ErrorCode> documented(Object name) {
        if (!(name instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
