package dev.cdrgateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * The {@link RequestScope} of the request the calling thread serves, if any. Upstream calls also run where no
 * request context is active (export pages, live feed polls, a queued call started by another request's
 * completion); there the pipeline has no request to report to.
 */
@ApplicationScoped
class CurrentRequest {

    private final BeanManager beans;
    private final Instance<RequestScope> scopes;

    CurrentRequest(BeanManager beans, Instance<RequestScope> scopes) {
        this.beans = beans;
        this.scopes = scopes;
    }

    /** This thread's request bookkeeping, or {@code null} outside an active request context. */
    RequestScope orNull() {
        for (Context context : beans.getContexts(RequestScoped.class)) {
            if (context.isActive()) {
                return scopes.get();
            }
        }
        return null;
    }
}
