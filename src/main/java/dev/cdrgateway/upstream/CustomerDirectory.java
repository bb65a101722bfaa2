package dev.cdrgateway.upstream;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Customer records by id as a partner sees them. Reads are cached by {@link UpstreamExecutor} under the
 * partner's auth id (never its token), so routing a customer-scoped read rarely costs an upstream call.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final VobizClient vobiz;

    CustomerDirectory(VobizClient vobiz) {
        this.vobiz = vobiz;
    }

    /** The customer record as the partner sees it; empty when it is not this partner's customer. */
    public Uni<Optional<CustomerRecord>> find(VobizCredentials partner, String customerId) {
        return vobiz.getCustomer(partner, customerId);
    }
}
