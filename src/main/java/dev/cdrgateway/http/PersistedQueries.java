package dev.cdrgateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cdrgateway.resilience.LocalCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Automatic Persisted Queries, as Apollo Client and urql speak them: a client sends only
 * {@code extensions.persistedQuery.sha256Hash}; when the hash is unknown it gets {@code PersistedQueryNotFound} and
 * sends the query once more with its hash, which registers it. Each tenant has its own bounded store (least recently
 * used entries go first), so one tenant can neither fill another's store nor learn which queries another sends.
 * Only documents that passed the HTTP rules' syntax and size checks are registered.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final PersistedQueriesConfig config;
    private final Counter hits;
    private final Counter misses;
    private final Counter registrations;
    private final ConcurrentMap<String, Cache<String, String>> byTenant = new ConcurrentHashMap<>();

    PersistedQueries(PersistedQueriesConfig config, MeterRegistry metrics) {
        this.config = config;
        this.hits = lookups(metrics, "hit");
        this.misses = lookups(metrics, "miss");
        this.registrations = lookups(metrics, "registered");
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The query registered under {@code hash} for this tenant, if any. */
    public Optional<String> find(String tenant, String hash) {
        String query = store(tenant).getIfPresent(hash);
        (query == null ? misses : hits).increment();
        return Optional.ofNullable(query);
    }

    /** Registers a query under its hash for this tenant (the caller has checked that the hash matches). */
    public void register(String tenant, String hash, String query) {
        store(tenant).put(hash, query);
        registrations.increment();
    }

    private static Counter lookups(MeterRegistry metrics, String result) {
        return Counter.builder("gateway.persisted.queries")
                .description("Automatic persisted query lookups (hit, miss) and registrations")
                .tag("result", result)
                .register(metrics);
    }

    /** Whether a client-supplied hash has the form of a lowercase hex SHA-256 digest. */
    public static boolean wellFormed(String hash) {
        return hash != null && SHA256_HEX.matcher(hash).matches();
    }

    /** The lowercase hex SHA-256 of the query's UTF-8 bytes, as Apollo Client and urql compute it. */
    public static String sha256(String query) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Cache<String, String> store(String tenant) {
        return byTenant.computeIfAbsent(tenant, t -> LocalCaches.newBuilder()
                .maximumWeight(config.maxCharsPerTenant())
                .weigher((String hash, String query) -> hash.length() + query.length())
                .expireAfterAccess(config.idleExpiry())
                .build());
    }
}
