package dev.cdrgateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Who a token says the caller is: claim names and what each OIDC issuer may speak for ({@code gateway.claims.*}, {@code gateway.issuers.*}). */
@ConfigMapping(prefix = "gateway")
public interface SecurityConfig {

    /** Which token claims identify the caller. */
    Claims claims();

    /**
     * The gateway tenants each OIDC issuer may speak for, keyed by Quarkus OIDC tenant id ({@code Default} for
     * the unnamed {@code quarkus.oidc.*} configuration). {@code *} allows every tenant. A token whose tenant
     * claim is not bound to its issuer is rejected with 401. An issuer without an entry may speak for none.
     */
    Map<String, Issuer> issuers();

    /** Claim names (roles come from Quarkus OIDC: {@code quarkus.oidc.roles.role-claim-path}). */
    interface Claims {
        /** Claim holding the tenant (partner) id. */
        @WithDefault("tenant")
        String tenant();

        /** Claim holding the customer auth id of customer users. */
        @WithDefault("customer_id")
        String customer();
    }

    /** Tenants one OIDC issuer may speak for. */
    interface Issuer {
        /** Tenant ids, or {@code *} for all. */
        java.util.List<String> tenants();
    }
}
