package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.access.TenantId;

import java.util.Objects;

/**
 * An {@code X-Auth-ID}/{@code X-Auth-Token} pair. The auth id identifies whose data a response is (and is used in
 * cache keys); the token is a secret: {@link #toString()} never prints it, and nothing outside the REST client
 * call reads it. {@code tenant} is the tenant they were configured or learnt for: upstream calls made with them
 * take that tenant's concurrency lane.
 */
public record VobizCredentials(String authId, String authToken, TenantId tenant) {

    public VobizCredentials {
        Objects.requireNonNull(authId, "authId");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String toString() {
        return "VobizCredentials[authId=" + authId + ", authToken=***, tenant=" + tenant + "]";
    }
}
