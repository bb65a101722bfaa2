package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** Vobiz rejected the credentials configured for this tenant (401/403). */
@ErrorCode("UPSTREAM_UNAUTHORIZED")
public class UpstreamUnauthorizedException extends GatewayException {

    public UpstreamUnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_UNAUTHORIZED";
    }
}
