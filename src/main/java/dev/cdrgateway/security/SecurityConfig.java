package dev.cdrgateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;

/**
 * Who a token says the caller is, and how a caller gets in: claim names, what each OIDC issuer may speak for,
 * the GraphQL WebSocket's token deadline and how long a verified token is remembered ({@code gateway.claims.*},
 * {@code gateway.issuers.*}, {@code gateway.live.connection-init-timeout}, {@code gateway.security.token-cache.*}).
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

    /** Bearer token handling ({@code gateway.security.*}). */
    Security security();

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

    /** Bearer token handling. */
    interface Security {
        /** Verified tokens remembered until their expiry ({@code gateway.security.token-cache.*}). */
        TokenCache tokenCache();
    }

    /**
     * The memory of verified bearer tokens ({@link VerifiedTokens}): a token seen again is not RS256-verified again
     * while its entry lives. An entry lives until the token's {@code exp} or {@code max-ttl} after its verification,
     * whichever comes first; a revoked token that has not expired keeps working on a replica for at most
     * {@code max-ttl}.
     */
    interface TokenCache {
        /** Whether verified tokens are remembered at all; off, every request's token is verified. */
        @WithDefault("true")
        boolean enabled();

        /** Tokens remembered at most (beyond it Caffeine drops those least likely to be used again). */
        @WithDefault("10000")
        int maxEntries();

        /** Longest time a verified token is remembered, however long it still lives. */
        @WithDefault("PT5M")
        Duration maxTtl();
    }
}
