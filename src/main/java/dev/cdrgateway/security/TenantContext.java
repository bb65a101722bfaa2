package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;

/** The caller of the current request. The GraphQL layer takes the tenant from here, never from an argument. */
public interface TenantContext {

    /** The current caller. */
    Caller caller();
}
