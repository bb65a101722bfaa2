package dev.cdrgateway.vobiz;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Customer routes learnt from partner records, by partner auth id and customer id (so one partner's entries
 * never serve another): the customer's own credentials, or empty for "partner API". Kept for
 * {@code gateway.routing.customer-route-ttl} whether response caching is on or off (routing is configuration,
 * not data); unknown customers are not remembered. A Quarkus cache ({@value #CACHE}), so it is sized, observed
 * and cleared like the response caches.
 */
@ApplicationScoped
class CustomerRoutes {

    static final String CACHE = "vobiz-customer-routes";

    private final CaffeineCache routes;

    CustomerRoutes(@CacheName(CACHE) Cache routes, VobizConfig config) {
        this.routes = routes.as(CaffeineCache.class);
        this.routes.setExpireAfterWrite(config.routing().customerRouteTtl());
    }

    /** The remembered route of the customer; {@code null} when none is remembered. */
    Optional<VobizCredentials> get(VobizCredentials partner, String customerId) {
        CompletableFuture<Optional<VobizCredentials>> known = routes.getIfPresent(key(partner, customerId));
        return known == null ? null : known.join();
    }

    /** Remembers the route of a customer whose record was found. */
    void put(VobizCredentials partner, String customerId, Optional<VobizCredentials> own) {
        routes.put(key(partner, customerId), CompletableFuture.completedFuture(own));
    }

    private static String key(VobizCredentials partner, String customerId) {
        return partner.authId() + "|" + customerId;
    }
}
