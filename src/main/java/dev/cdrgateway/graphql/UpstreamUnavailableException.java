package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** Vobiz failed (5xx), could not be reached, or its circuit is open. */
@ErrorCode("UPSTREAM_UNAVAILABLE")
public class UpstreamUnavailableException extends GatewayException {

    public UpstreamUnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_UNAVAILABLE";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
