package dev.cdrgateway.tenant;

import dev.cdrgateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Until OIDC decides the caller from token claims (issue #3), every request acts as the configured default
 * tenant with the partner-admin role.
 */
@ApplicationScoped
public class DefaultTenantContext implements TenantContext {

    private final Caller caller;

    DefaultTenantContext(GatewayConfig config) {
        this.caller = new Caller(new TenantId(config.defaultTenant()), Role.PARTNER_ADMIN, Optional.empty());
    }

    @Override
    public Caller caller() {
        return caller;
    }
}
