package dev.cdrgateway.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the test-only keys in {@code src/test/resources/oidc}. The test profile
 * trusts {@code issuer-a} as the primary issuer (any tenant) and {@code issuer-b} as the white-label issuer
 * bound to tenant {@code globex}; {@code rogue} is trusted by nobody.
 */
public final class Tokens {

    public static final String PRIMARY_ISSUER = "https://idp.cdr-gateway.test";
    public static final String WHITELABEL_ISSUER = "https://idp.whitelabel.test";

    private Tokens() {
    }

    /** A token of the primary issuer for a partner admin of {@code tenant}. */
    public static String partnerAdmin(String tenant) {
        return token().tenant(tenant).role("partner-admin").sign();
    }

    /** A token of the primary issuer for a partner viewer of {@code tenant}. */
    public static String partnerViewer(String tenant) {
        return token().tenant(tenant).role("partner-viewer").sign();
    }

    /** A token of the primary issuer for a user of customer {@code customerId} of {@code tenant}. */
    public static String customer(String tenant, String customerId) {
        return token().tenant(tenant).role("customer").customer(customerId).sign();
    }

    /** A builder with valid defaults (primary issuer, right audience, one hour). */
    public static Builder token() {
        return new Builder();
    }

    /** Fluent token builder for the negative cases. */
    public static final class Builder {
        private String issuer = PRIMARY_ISSUER;
        private String key = "issuer-a";
        private String audience = "cdr-gateway";
        private String tenant;
        private String role;
        private String customer;
        private boolean keycloakRoles;
        private Instant expiresAt = Instant.now().plusSeconds(3600);

        public Builder tenant(String value) {
            tenant = value;
            return this;
        }

        public Builder role(String value) {
            role = value;
            return this;
        }

        /** Puts the role under Keycloak's {@code realm_access.roles} instead of {@code groups}. */
        public Builder keycloakRoles() {
            keycloakRoles = true;
            return this;
        }

        public Builder customer(String value) {
            customer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        /** Signs with another key: {@code issuer-a}, {@code issuer-b} or {@code rogue}. */
        public Builder signedWith(String keyName) {
            key = keyName;
            return this;
        }

        /** The white-label issuer with its own key. */
        public Builder whitelabel() {
            return issuer(WHITELABEL_ISSUER).signedWith("issuer-b");
        }

        /** Expires at {@code instant} (the token is issued two hours before). */
        public Builder expiresAt(Instant instant) {
            expiresAt = instant;
            return this;
        }

        public Builder expiredSecondsAgo(long seconds) {
            expiresAt = Instant.now().minusSeconds(seconds);
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = claims();
            try {
                PrivateKey privateKey = KeyUtils.readPrivateKey("/oidc/" + key + ".key.pem");
                return claims.jws().keyId(key).sign(privateKey);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot sign test token", e);
            }
        }

        /** The same claims, unsigned ({@code alg: none}, empty signature). */
        public String unsigned() {
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
            io.vertx.core.json.JsonObject payload = new io.vertx.core.json.JsonObject()
                    .put("iss", issuer).put("aud", audience).put("sub", "test-user")
                    .put("iat", expiresAt.minusSeconds(7200).getEpochSecond()).put("exp", expiresAt.getEpochSecond())
                    .put("tenant", tenant).put("groups", java.util.List.of(role));
            return header + "." + b64.encodeToString(payload.encode().getBytes()) + ".";
        }

        private JwtClaimsBuilder claims() {
            JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(audience).subject("test-user")
                    .issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt);
            if (tenant != null) {
                claims.claim("tenant", tenant);
            }
            if (role != null) {
                if (keycloakRoles) {
                    claims.claim("realm_access", java.util.Map.of("roles", java.util.List.of(role)));
                } else {
                    claims.groups(Set.of(role));
                }
            }
            if (customer != null) {
                claims.claim("customer_id", customer);
            }
            return claims;
        }
    }
}
