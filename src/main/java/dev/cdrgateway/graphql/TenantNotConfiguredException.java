package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** The caller's tenant has no upstream credentials configured. */
@ErrorCode("TENANT_NOT_CONFIGURED")
public class TenantNotConfiguredException extends GatewayException {

    public TenantNotConfiguredException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TENANT_NOT_CONFIGURED";
    }
}
