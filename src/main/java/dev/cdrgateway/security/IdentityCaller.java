package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UnauthenticatedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller the current HTTP request's verified token names, as {@link CallerAugmentor} derived it. Request
 * scoped: read it while the request's CDI context is active (a GraphQL execution reads it once, when it begins).
 */
@RequestScoped
public class IdentityCaller {

    private final SecurityIdentity identity;

    IdentityCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller, or {@link UnauthenticatedException} when the request has none. */
    public Caller caller() {
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(CallerAugmentor.CALLER);
        if (caller == null) {
            // The HTTP layer refuses anonymous requests first; this guards any path that might not.
            throw new UnauthenticatedException("A valid bearer token is required");
        }
        return caller;
    }
}
