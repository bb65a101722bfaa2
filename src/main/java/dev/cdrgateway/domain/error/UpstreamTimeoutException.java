package dev.cdrgateway.domain.error;


/** Vobiz did not answer in time. */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_TIMEOUT")
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
