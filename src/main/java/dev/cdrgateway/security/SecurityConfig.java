package dev.cdrgateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;

/**
 * Who a token says the caller is, and how a caller gets in: claim names, what each OIDC issuer may speak for and
 * the GraphQL WebSocket's token deadline ({@code gateway.claims.*}, {@code gateway.issuers.*},
 * {@code gateway.live.connection-init-timeout}).
 */
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

    /** Admission of the GraphQL WebSocket ({@code gateway.live.*}, next to the live feed it carries). */
    @WithName("live")
    WebSocket webSocket();

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

    /** How a GraphQL WebSocket opened without a token must authenticate. */
    interface WebSocket {
        /**
         * How long a WebSocket opened without an {@code Authorization} header may stay open without authenticating
         * through its {@code connection_init} payload before the gateway closes it.
         */
        @WithDefault("PT10S")
        Duration connectionInitTimeout();
    }
}
