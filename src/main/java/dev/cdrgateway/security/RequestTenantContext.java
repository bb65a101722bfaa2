package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;

import dev.cdrgateway.domain.error.UnauthenticatedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as {@link CallerAugmentor} derived it from the verified token. */
@RequestScoped
public class RequestTenantContext implements TenantContext {

    private final SecurityIdentity identity;

    RequestTenantContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Caller caller() {
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(CallerAugmentor.CALLER);
        if (caller == null) {
            // The HTTP layer refuses anonymous requests first; this guards any path that might not.
            throw new UnauthenticatedException("A valid bearer token is required");
        }
        return caller;
    }
}
