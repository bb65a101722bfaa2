package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.error.UpstreamNotFoundException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UpstreamInvalidResponseException;
import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import dev.cdrgateway.domain.error.UpstreamRejectedException;
import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import dev.cdrgateway.domain.error.UpstreamUnauthorizedException;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeoutException;

/**
 * Classifies Vobiz failures by HTTP status (the vendor's error bodies come in five shapes,
 * docs/vobiz-contract.md#v18-error-body-shapes, so the body is never parsed for the decision and never shown). Messages name the API, never a
 * credential, URL query or body.
 */
final class UpstreamErrors {

    private static final Logger LOG = Logger.getLogger(UpstreamErrors.class);
    private static final Pattern RETRY_AFTER_IN_BODY = Pattern.compile("\"retryAfter\"\\s*:\\s*\"?(\\d{1,6})");

    private UpstreamErrors() {
    }

    /** Maps a non-2xx response of the named API ({@code partner} or {@code account}). */
    static RuntimeException fromResponse(String api, Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return new UpstreamNotFoundException();
        }
        LOG.debugf("Vobiz %s API answered HTTP %d", api, status);
        if (status == 401 || status == 403) {
            return new UpstreamUnauthorizedException("The Vobiz " + api + " API rejected this tenant's credentials (HTTP "
                    + status + "); ask the gateway operator to check them");
        }
        if (status == 429) {
            Optional<Duration> retryAfter = retryAfter(response.getHeaderString("Retry-After"))
                    .or(() -> retryAfterInBody(response));
            return new UpstreamRateLimitedException("The Vobiz " + api + " API is rate limiting requests; retry later",
                    retryAfter);
        }
        if (status >= 500) {
            return new UpstreamUnavailableException("The Vobiz " + api + " API failed (HTTP " + status + "); retry later",
                    status);
        }
        return new UpstreamRejectedException("The Vobiz " + api + " API rejected the request (HTTP " + status + ")");
    }

    /**
     * Maps a non-2xx answer read without the REST client (the streamed CSV export), by the same rules as
     * {@link #fromResponse}.
     *
     * @param body the start of the error body (only searched for a retry delay), may be {@code null}
     */
    static RuntimeException fromStatus(String api, int status, String retryAfterHeader, String body) {
        if (status == 429) {
            Matcher m = body == null ? null : RETRY_AFTER_IN_BODY.matcher(body);
            Optional<Duration> retryAfter = retryAfter(retryAfterHeader)
                    .or(() -> m != null && m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))))
                            : Optional.empty());
            LOG.debugf("Vobiz %s API answered HTTP %d", api, status);
            return new UpstreamRateLimitedException("The Vobiz " + api + " API is rate limiting requests; retry later",
                    retryAfter);
        }
        return fromResponse(api, Response.status(status).build());
    }

    /** Reads {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(Instant.now(), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Vobiz's standard error body may carry {@code error.details.retryAfter} (seconds) instead of the header. */
    private static Optional<Duration> retryAfterInBody(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            Matcher m = body == null ? null : RETRY_AFTER_IN_BODY.matcher(body);
            return m != null && m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Maps a failed call to a gateway error; gateway errors pass unchanged. The whole cause chain is read, as the
     * REST client wraps what went wrong (a {@code CompletionException}, a {@code ProcessingException} or, for a
     * body Jackson cannot parse, a {@code ClientWebApplicationException} naming "HTTP 200"):
     * <ul>
     *   <li>timeouts → {@code UPSTREAM_TIMEOUT};</li>
     *   <li>an answer cut short (connection reset or closed mid-body, JSON ending early) and any other transport
     *       failure → {@code UPSTREAM_UNAVAILABLE} (retryable: the next attempt may get the whole body);</li>
     *   <li>a complete 2xx body that breaks the contract (not JSON, e.g. an HTML page; wrong types; a shape no
     *       document describes) → {@code UPSTREAM_INVALID_RESPONSE} (not retryable: the same answer would come
     *       back).</li>
     * </ul>
     * One WARN line per failure names the API and the failure's kind, never the body, a URL query or a credential.
     */
    static Throwable fromFailure(String api, Throwable failure) {
        if (failure instanceof GatewayException) {
            return failure;
        }
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            if (cause instanceof GatewayException) {
                return cause;
            }
        }
        if (chain.stream().anyMatch(UpstreamErrors::isTimeout)) {
            return new UpstreamTimeoutException("The Vobiz " + api + " API did not answer in time; retry later");
        }
        Optional<Throwable> truncated = chain.stream().filter(UpstreamErrors::isTruncatedBody).findFirst();
        if (truncated.isPresent()) {
            LOG.warnf("Vobiz %s API answer ended before its body was complete (%s)", api,
                    truncated.get().getClass().getSimpleName());
            return new UpstreamUnavailableException("The Vobiz " + api + " API sent an incomplete answer; retry later", 0);
        }
        Optional<Throwable> contract = chain.stream().filter(UpstreamErrors::isContractBreak).findFirst();
        if (contract.isPresent()) {
            LOG.warnf("Vobiz %s API answered with a body that breaks its contract (%s%s); not retried", api,
                    contract.get().getClass().getSimpleName(), fieldPath(contract.get()));
            return invalidResponse(api);
        }
        Optional<Throwable> transport = chain.stream().filter(UpstreamErrors::isTransportFailure).findFirst();
        if (transport.isPresent()) {
            LOG.warnf("Vobiz %s API unreachable: %s", api, transport.get().getClass().getSimpleName());
            return new UpstreamUnavailableException("The Vobiz " + api + " API could not be reached; retry later", 0);
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            if (status >= 400) {
                return fromResponse(api, web.getResponse());
            }
            // A 2xx the REST client could not turn into the declared type, for a reason not in the chain.
            LOG.warnf("Vobiz %s API answered HTTP %d with a body that could not be read; not retried", api, status);
            return invalidResponse(api);
        }
        return failure;
    }

    /** The error for a 2xx answer that breaks the vendor's contract. */
    static UpstreamInvalidResponseException invalidResponse(String api) {
        return new UpstreamInvalidResponseException("The Vobiz " + api + " API answered in a form that does not match "
                + "its documentation; retrying will not help, ask the gateway operator to check the upstream");
    }

    /** {@code failure} and its causes, outermost first (bounded, cycle-safe). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof ConnectTimeoutException
                || cause instanceof io.netty.handler.timeout.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout");
    }

    /** JSON that ends early: the connection closed mid-body (or sent nothing at all after a 2xx status line). */
    private static boolean isTruncatedBody(Throwable cause) {
        if (cause instanceof JsonEOFException) {
            return true;
        }
        String message = cause.getMessage();
        return cause instanceof JacksonException && message != null
                && (message.startsWith("No content to map due to end-of-input")
                    || message.startsWith("Unexpected end-of-input"));
    }

    /**
     * A complete body that is not what the contract describes: Jackson could not parse it as JSON or bind it to the
     * documented shape, or it came with a media type no reader handles (the REST client's only sign of that is
     * its "could not be mapped" {@code ProcessingException} without a cause).
     */
    private static boolean isContractBreak(Throwable cause) {
        if (cause instanceof JacksonException) {
            return true;
        }
        String message = cause.getMessage();
        return cause instanceof ProcessingException && cause.getCause() == null && message != null
                && message.contains("could not be mapped");
    }

    private static boolean isTransportFailure(Throwable cause) {
        return cause instanceof IOException || cause instanceof VertxException || cause instanceof ProcessingException
                || cause.getClass().getName().startsWith("io.netty.");
    }

    /** The JSON field path of a binding failure ({@code " at pagination.total"}), names only, never values. */
    private static String fieldPath(Throwable cause) {
        if (!(cause instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at ");
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 4 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
