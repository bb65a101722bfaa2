package dev.cdrgateway.domain.error;


/** The circuit breaker of a Vobiz API is open: the call failed fast without reaching Vobiz. */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_UNAVAILABLE")
public class UpstreamCircuitOpenException extends UpstreamUnavailableException {

    public UpstreamCircuitOpenException(String message) {
        super(message, 0);
    }
}
