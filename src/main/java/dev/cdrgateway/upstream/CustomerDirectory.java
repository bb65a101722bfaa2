package dev.cdrgateway.upstream;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Customer records by id, cached per partner identity (the partner auth id is part of the key, the token is
 * not) so routing a customer-scoped read does not cost an extra upstream call each time.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final VobizClient vobiz;

    CustomerDirectory(VobizClient vobiz) {
        this.vobiz = vobiz;
    }

    /**
     * The customer record as the partner sees it; empty when it is not this partner's customer.
     *
     * @param partnerAuthId must be {@code partner.authId()}: it is what keys the cache, the token never is
     */
    @CacheResult(cacheName = "customer-record")
    public Uni<Optional<CustomerRecord>> find(@CacheKey String partnerAuthId, @CacheKey String customerId,
                                              VobizCredentials partner) {
        return vobiz.getCustomer(partner, customerId);
    }
}
