package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** Vobiz answered 429 Too Many Requests. */
@ErrorCode("UPSTREAM_RATE_LIMITED")
public class UpstreamRateLimitedException extends GatewayException {

    public UpstreamRateLimitedException(String message) {
        super(message);
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
