package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** Vobiz did not answer in time. */
@ErrorCode("UPSTREAM_TIMEOUT")
public class UpstreamTimeoutException extends GatewayException {

    public UpstreamTimeoutException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_TIMEOUT";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
