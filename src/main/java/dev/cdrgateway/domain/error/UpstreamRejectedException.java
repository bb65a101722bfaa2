package dev.cdrgateway.domain.error;


/** Vobiz rejected a request the gateway considered valid (400/422); the upstream body is logged, not shown. */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_REJECTED")
public class UpstreamRejectedException extends GatewayException {

    public UpstreamRejectedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_REJECTED";
    }
}
