package dev.cdrgateway.vobiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Vobiz credentials per tenant and how reads are routed between its APIs ({@code gateway.tenants.*}, {@code gateway.credentials-*}, {@code gateway.routing.*}). */
@ConfigMapping(prefix = "gateway")
public interface VobizConfig {

    /** Upstream credentials per tenant (a tenant is a Vobiz partner), keyed by tenant id. */
    Map<String, Tenant> tenants();

    /**
     * A directory of credential files, typically a mounted Kubernetes Secret: {@code <tenant>.partner.auth-id},
     * {@code <tenant>.partner.auth-token} and {@code <tenant>.customer.<customer id>.auth-token}. Files override
     * {@code gateway.tenants.*}; the directory is re-read every {@link #credentialsRefresh()}, so credentials
     * rotate without a restart.
     */
    Optional<Path> credentialsDir();

    /** How often credential files (the directory and any {@code auth-token-file}) are re-read. */
    @WithDefault("PT30S")
    java.time.Duration credentialsRefresh();

    /** Upstream routing. */
    Routing routing();

    /** How customer-scoped reads choose between the account and partner APIs. */
    interface Routing {
        /**
         * Use the {@code auth_token} the partner API returns in a customer record to call the account API for that
         * customer (the token stays in server memory only). When false, only configured customer credentials are.
         */
        @WithDefault("true")
        boolean useCustomerTokens();

        /**
         * How long a customer's route (its own credentials from the partner record, or none) is remembered, with
         * response caching on or off: routing is configuration, not data, and without it every customer-scoped
         * read would first wait for the partner record. A rotated customer token is picked up within this.
         */
        @WithDefault("PT5M")
        java.time.Duration customerRouteTtl();
    }

    /** One tenant: its partner credentials and optional customer credentials. */
    interface Tenant {
        /** The partner's {@code PA_} credentials. */
        Credential partner();

        /** Customers' own {@code MA_} credentials keyed by customer auth id; the key is the auth id. */
        Map<String, Secret> customers();
    }

    /** An auth id and its token. */
    interface Credential {
        /** The {@code X-Auth-ID} value. */
        String authId();

        /** The token itself (set it from an environment variable, e.g. {@code ${ACME_PARTNER_TOKEN}}). */
        @WithParentName
        Secret secret();
    }

    /** A token given inline (from an environment variable) or as a file (e.g. a mounted Kubernetes Secret). */
    interface Secret {
        /** The token value; prefer an environment variable reference over a literal. */
        Optional<String> authToken();

        /** A file holding the token (trailing whitespace ignored); used when {@code auth-token} is absent. */
        Optional<Path> authTokenFile();
    }
}
