package dev.cdrgateway.domain.error;


/** Vobiz rejected the credentials configured for this tenant (401/403). */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_UNAUTHORIZED")
public class UpstreamUnauthorizedException extends GatewayException {

    public UpstreamUnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_UNAUTHORIZED";
    }
}
