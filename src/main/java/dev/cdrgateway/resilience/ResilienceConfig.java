package dev.cdrgateway.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** How upstream reads are protected and shared: timeouts, retries, tenant limits, the response cache and metric labels ({@code gateway.upstream.*}, {@code gateway.cache.*}, {@code gateway.metrics.*}). */
@ConfigMapping(prefix = "gateway")
public interface ResilienceConfig {

    /** Resilience of upstream calls: timeouts, retries, per-tenant concurrency. */
    Upstream upstream();

    /** Response caching of upstream reads. TTLs and sizes: {@code quarkus.cache.caffeine."vobiz-*".*}. */
    Cache cache();

    /** The deadline of one GraphQL request ({@code gateway.limits.request-timeout}). */
    RequestLimits limits();

    /** Metric labels. */
    Metrics metrics();

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

    /** Metric label settings (label values multiply time series). */
    interface Metrics {
        /** Add a {@code tenant} label to upstream and GraphQL metrics. Off by default: one series set per tenant. */
        @WithDefault("false")
        boolean tenantLabels();

        /** Distinct GraphQL operation names labelled individually; later names are counted as {@code other}. */
        @WithDefault("200")
        int maxOperationNames();
    }

    /** Bounds of one request that upstream reads obey. */
    interface RequestLimits {
        /**
         * Longest time one GraphQL request may take, upstream waits and retries included: no upstream call
         * starts after it and none waits past it (the field fails with UPSTREAM_TIMEOUT).
         */
        @WithDefault("PT15S")
        java.time.Duration requestTimeout();
    }
}
