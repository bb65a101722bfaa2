package dev.cdrgateway.domain.error;


/** The caller's tenant has no upstream credentials configured. */
@io.smallrye.graphql.api.ErrorCode("TENANT_NOT_CONFIGURED")
public class TenantNotConfiguredException extends GatewayException {

    public TenantNotConfiguredException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TENANT_NOT_CONFIGURED";
    }
}
