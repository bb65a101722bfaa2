package dev.cdrgateway.upstream;

import dev.cdrgateway.graphql.GatewayException;
import dev.cdrgateway.graphql.UpstreamRateLimitedException;
import dev.cdrgateway.graphql.UpstreamRejectedException;
import dev.cdrgateway.graphql.UpstreamTimeoutException;
import dev.cdrgateway.graphql.UpstreamUnauthorizedException;
import dev.cdrgateway.graphql.UpstreamUnavailableException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies Vobiz failures by HTTP status (the vendor's error bodies come in five shapes, upstream README §4
 * #20, so the body is never parsed for the decision and never shown). Messages name the API, never a
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

    /** Maps transport failures (connect errors, timeouts) to gateway errors; gateway errors pass unchanged. */
    static Throwable fromFailure(String api, Throwable failure) {
        if (failure instanceof GatewayException || failure instanceof UpstreamNotFoundException) {
            return failure;
        }
        Throwable cause = failure instanceof ProcessingException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException
                || cause instanceof io.netty.handler.timeout.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")) {
            return new UpstreamTimeoutException("The Vobiz " + api + " API did not answer in time; retry later");
        }
        if (cause instanceof ConnectException || cause instanceof IOException || cause instanceof VertxException
                || failure instanceof ProcessingException) {
            LOG.warnf("Vobiz %s API unreachable: %s", api, cause.getClass().getSimpleName());
            return new UpstreamUnavailableException("The Vobiz " + api + " API could not be reached; retry later", 0);
        }
        return failure;
    }
}
