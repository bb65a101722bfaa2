package dev.cdrgateway.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Automatic persisted queries, the Apollo Client / urql protocol ({@code gateway.persisted-queries.*}). */
@ConfigMapping(prefix = "gateway.persisted-queries")
public interface PersistedQueriesConfig {
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
