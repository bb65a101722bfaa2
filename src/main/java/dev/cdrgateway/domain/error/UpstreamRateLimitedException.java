package dev.cdrgateway.domain.error;


import java.time.Duration;
import java.util.Optional;

/** Vobiz answered 429 Too Many Requests (after the gateway's own retries). */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_RATE_LIMITED")
public class UpstreamRateLimitedException extends GatewayException {

    private final transient Optional<Duration> retryAfter;

    public UpstreamRateLimitedException(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The delay Vobiz asked for in {@code Retry-After}, if any. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "UPSTREAM_RATE_LIMITED";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
