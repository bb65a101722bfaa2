package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.access.TenantId;

import dev.cdrgateway.vobiz.VobizCredentials;

import java.util.Optional;

/** Finds the upstream credentials of a tenant and, where configured, of its customers. */
public interface TenantCredentialResolver {

    /** The tenant's partner credentials; empty when the tenant is not configured. */
    Optional<VobizCredentials> partner(TenantId tenant);

    /** A customer's own account credentials configured for this tenant; empty when none are configured. */
    Optional<VobizCredentials> customer(TenantId tenant, String customerId);
}
