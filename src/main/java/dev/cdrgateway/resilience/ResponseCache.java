package dev.cdrgateway.resilience;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The response cache: one Quarkus cache per {@link CacheClass} (Caffeine's async cache, TTL and size from
 * {@code quarkus.cache.caffeine."<name>".*}), switched by {@code gateway.cache.enabled}. A miss loads through the
 * given upstream, and Caffeine hands that same load to every concurrent miss of the key: a cached read needs no
 * other coalescing. A failed load is not cached.
 */
@ApplicationScoped
class ResponseCache {

    private final boolean enabled;
    private final Map<CacheClass, Cache> caches;

    ResponseCache(ResilienceConfig config, @CacheName("vobiz-closed") Cache closed, @CacheName("vobiz-open") Cache open,
                  @CacheName("vobiz-customers") Cache customers) {
        this.enabled = config.cache().enabled();
        this.caches = Map.of(CacheClass.CLOSED, closed, CacheClass.OPEN, open, CacheClass.CUSTOMERS, customers);
    }

    /** Whether reads are cached at all. */
    boolean enabled() {
        return enabled;
    }

    /** The read's cached answer, or {@code load}'s (then cached under the read's key in its class). */
    <T> Uni<T> get(UpstreamRead<T> read, Supplier<Uni<T>> load) {
        return caches.get(read.cacheClass()).getAsync(read.key(), key -> load.get());
    }

    /** Caches {@code value} as the answer of {@code read}. */
    void put(UpstreamRead<?> read, Object value) {
        caches.get(read.cacheClass()).as(CaffeineCache.class).put(read.key(), CompletableFuture.completedFuture(value));
    }
}
