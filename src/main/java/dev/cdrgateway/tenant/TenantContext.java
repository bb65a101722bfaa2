package dev.cdrgateway.tenant;

/** The caller of the current request. The GraphQL layer takes the tenant from here, never from an argument. */
public interface TenantContext {

    /** The current caller. */
    Caller caller();
}
