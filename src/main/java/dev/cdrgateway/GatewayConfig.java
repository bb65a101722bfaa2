package dev.cdrgateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Every {@code gateway.*} setting. Secrets are never committed: they come from environment variables or files. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

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

    /** Which token claims identify the caller. */
    Claims claims();

    /**
     * The gateway tenants each OIDC issuer may speak for, keyed by Quarkus OIDC tenant id ({@code Default} for
     * the unnamed {@code quarkus.oidc.*} configuration). {@code *} allows every tenant. A token whose tenant
     * claim is not bound to its issuer is rejected with 401. An issuer without an entry may speak for none.
     */
    Map<String, Issuer> issuers();

    /**
     * Secret that signs pagination cursors (at least 16 bytes). Set the same value on every replica so cursors
     * survive restarts and load balancing; when absent a random per-process key is used (and a warning logged).
     */
    Optional<String> cursorSecret();

    /** Connection paging limits. */
    Paging paging();

    /** Upstream routing. */
    Routing routing();

    /** Resilience of upstream calls: timeouts, retries, per-tenant concurrency. */
    Upstream upstream();

    /** Response caching of upstream reads. TTLs and sizes: {@code quarkus.cache.caffeine."vobiz-*".*}. */
    Cache cache();

    /** Query cost limits, all checked before any upstream call. */
    Limits limits();

    /** Automatic persisted queries. */
    PersistedQueries persistedQueries();

    /** Metric labels. */
    Metrics metrics();

    /** Bounds of the analytics fields: time series and breakdowns. */
    dev.cdrgateway.analytics.AnalyticsConfig analytics();

    /** CSV export ({@code GET /export/calls.csv}). */
    dev.cdrgateway.export.ExportConfig export();

    /** Leaderboards, call quality reports and anomaly rules. */
    dev.cdrgateway.insights.InsightsConfig insights();

    /** The live call feed (GraphQL subscriptions over WebSocket). */
    dev.cdrgateway.live.LiveConfig live();

    /** Metric label settings (label values multiply time series). */
    interface Metrics {
        /** Add a {@code tenant} label to upstream and GraphQL metrics. Off by default: one series set per tenant. */
        @WithDefault("false")
        boolean tenantLabels();

        /** Distinct GraphQL operation names labelled individually; later names are counted as {@code other}. */
        @WithDefault("200")
        int maxOperationNames();
    }

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

    /** Paging limits of connection fields. */
    interface Paging {
        /** Page size when neither {@code first} nor {@code last} is given. */
        @WithDefault("20")
        int defaultFirst();

        /** Largest {@code first}/{@code last} accepted; larger windows are fetched as several concurrent upstream pages. */
        @WithDefault("500")
        int maxFirst();

        /** Largest {@code limit} of recent-calls fields (the account API's recent endpoint documents no maximum). */
        @WithDefault("100")
        int maxRecent();
    }

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

    /** Resilience settings of upstream calls. */
    interface Upstream {
        /** Timeout of one upstream call when {@link #timeouts()} has no entry for its endpoint. */
        @WithDefault("PT8S")
        java.time.Duration defaultTimeout();

        /**
         * Per-endpoint timeouts, keyed {@code partner.accounts}, {@code partner.account}, {@code partner.customer-cdrs},
         * {@code partner.customer-cdr}, {@code partner.cdrs}, {@code account.list}, {@code account.search},
         * {@code account.recent}, {@code account.get}.
         */
        Map<String, java.time.Duration> timeouts();

        /** Retries of idempotent reads on 429, 502, 503, 504 and connection errors. */
        Retry retry();

        /** Total time one GraphQL request may spend waiting for upstream retries; no retry starts past it. */
        @WithDefault("PT10S")
        java.time.Duration requestBudget();

        /**
         * Upstream calls one tenant may have in flight at once; more wait in a queue. High enough that a slow
         * upstream (20 ms) does not make the gateway the bottleneck at 64 concurrent requests (bench/).
         */
        @WithDefault("64")
        int tenantConcurrency();

        /** Upstream calls one tenant may have waiting; beyond it calls fail with UPSTREAM_UNAVAILABLE. */
        @WithDefault("1000")
        int tenantQueue();
    }

    /** Retry policy: exponential backoff with jitter, honouring {@code Retry-After} up to a cap. */
    interface Retry {
        /** Attempts in total, the first included (1 disables retries). */
        @WithDefault("3")
        int maxAttempts();

        /** Backoff before the first retry; doubles for each further retry. */
        @WithDefault("PT0.2S")
        java.time.Duration initialBackoff();

        /** Largest backoff between two attempts. */
        @WithDefault("PT2S")
        java.time.Duration maxBackoff();

        /** Random spread of each backoff, as a fraction (0.3 = ±30 %). */
        @WithDefault("0.3")
        double jitter();

        /** Largest {@code Retry-After} honoured; a longer one fails the call instead of waiting. */
        @WithDefault("PT5S")
        java.time.Duration maxRetryAfter();
    }

    /** Response cache switches (TTL classes are separate named caches). */
    interface Cache {
        /** Cache upstream reads; concurrent identical reads are coalesced either way. */
        @WithDefault("true")
        boolean enabled();

        /** When upstream fails, serve a recently expired entry and mark the response {@code extensions.stale}. */
        @WithDefault("true")
        boolean staleIfError();

        /** How old (since it was fetched) an entry may be to be served stale. */
        @WithDefault("PT15M")
        java.time.Duration staleMaxAge();

        /** Most last-good copies kept for stale-if-error (least recently used dropped first). */
        @WithDefault("50000")
        int staleMaxEntries();
    }

    /** Automatic persisted queries (Apollo Client / urql protocol). */
    interface PersistedQueries {
        /** Accept {@code extensions.persistedQuery}; when off, such requests get {@code PERSISTED_QUERY_NOT_SUPPORTED}. */
        @WithDefault("true")
        boolean enabled();

        /** Size of each tenant's store, in characters of hash plus query text (least recently used dropped first). */
        @WithDefault("2000000")
        long maxCharsPerTenant();

        /** A registered query unused for this long is dropped (clients re-register it transparently). */
        @WithDefault("PT24H")
        java.time.Duration idleExpiry();

        /**
         * {@code Cache-Control: private, max-age} of successful GET queries (persisted or not), so a browser or
         * the client's HTTP cache can answer repeats; zero sends {@code no-store}. Responses vary on Authorization.
         */
        @WithDefault("PT5S")
        java.time.Duration getMaxAge();
    }

    /** Query cost limits. */
    interface Limits {
        /** Maximum depth of an operation's selection. */
        @WithDefault("12")
        int maxDepth();

        /**
         * Maximum complexity: every field costs 1, and a connection's or list's selection costs its
         * {@code first}/{@code last}/{@code limit} times (the default page size when absent). The default admits
         * a 500-row page of about 50 fields.
         */
        @WithDefault("25000")
        int maxComplexity();

        /** Maximum aliased fields in one operation, counted with its fragments expanded. */
        @WithDefault("30")
        int maxAliases();

        /**
         * Maximum fields one operation selects once its fragments are expanded (every spread counts its
         * fragment's fields again), checked on the document before anything expands it. GraphiQL's
         * introspection query selects about 150; a dashboard page a few dozen.
         */
        @WithDefault("2000")
        int maxFieldVisits();

        /**
         * Longest name or number literal a document may hold (outside string literals): graphql-java's lexer
         * spends microseconds per character on long numbers.
         */
        @WithDefault("256")
        int maxTokenChars();

        /** Longest run of blanks (spaces, tabs, commas, line breaks) a document may hold. */
        @WithDefault("4096")
        int maxBlankRun();

        /** Largest request body of {@code POST /graphql}, in bytes (HTTP 413 beyond). */
        @WithDefault("262144")
        int maxBodyBytes();

        /**
         * Longest time one GraphQL request may take, upstream waits and retries included: no upstream call
         * starts after it and none waits past it (the field fails with UPSTREAM_TIMEOUT).
         */
        @WithDefault("PT15S")
        java.time.Duration requestTimeout();

        /** Maximum parser tokens of one document. */
        @WithDefault("3000")
        int maxTokens();
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
