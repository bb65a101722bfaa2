package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.domain.error.TenantNotConfiguredException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The one place that decides which Vobiz API serves a read (README.md "Routing"). Customer-scoped reads use the
 * account API when the customer's own credentials are known (configured, or the {@code auth_token} of its
 * partner record) and the filter needs nothing only the partner API documents ({@link VobizFilterContract});
 * otherwise the partner API. Partner-wide reads always use the partner API.
 */
@ApplicationScoped
class CdrRouter {

    private final TenantCredentialResolver credentials;
    private final VobizCustomers customers;
    private final CustomerRoutes customerRoutes;
    private final VobizConfig config;

    CdrRouter(TenantCredentialResolver credentials, VobizCustomers customers, CustomerRoutes customerRoutes,
              VobizConfig config) {
        this.credentials = credentials;
        this.customers = customers;
        this.customerRoutes = customerRoutes;
        this.config = config;
    }

    /** The tenant's partner credentials, or {@code TENANT_NOT_CONFIGURED}. */
    VobizCredentials partnerCredentials(TenantId tenant) {
        return credentials.partner(tenant).orElseThrow(() -> new TenantNotConfiguredException(
                "No Vobiz credentials are configured for tenant '" + tenant + "'; ask the gateway operator"));
    }

    /** Route for the partner-wide call log. */
    CdrRoute global(TenantId tenant) {
        return new CdrRoute.PartnerGlobal(partnerCredentials(tenant));
    }

    /**
     * Route for one customer's calls. Fails with {@code NOT_FOUND} when the partner API says the customer is not
     * this partner's (only when the record had to be looked up).
     */
    Uni<CdrRoute> forCustomer(TenantId tenant, String customerId, CallCriteria filter) {
        VobizCredentials partner = partnerCredentials(tenant);
        if (VobizFilterContract.needsPartnerApi(filter)) {
            return Uni.createFrom().item(new CdrRoute.PartnerCustomer(partner, customerId));
        }
        Optional<VobizCredentials> configured = credentials.customer(tenant, customerId);
        if (configured.isPresent()) {
            return Uni.createFrom().item(new CdrRoute.Account(configured.get()));
        }
        if (!config.routing().useCustomerTokens()) {
            return Uni.createFrom().item(new CdrRoute.PartnerCustomer(partner, customerId));
        }
        Optional<VobizCredentials> known = customerRoutes.get(partner, customerId);
        if (known != null) {
            return Uni.createFrom().item(route(partner, customerId, known));
        }
        return customers.getCustomer(partner, customerId).map(found -> {
            CustomerRecord record = found.orElseThrow(() -> AccessPolicy.notFoundCustomer(customerId));
            customerRoutes.put(partner, customerId, record.ownCredentials());
            return route(partner, customerId, record.ownCredentials());
        });
    }

    /**
     * {@link #forCustomer}, and the certainty that the partner API knows the customer: {@code NOT_FOUND} for an
     * unknown or another partner's id after one record lookup (shared with the routing's own lookup and cached),
     * before any CDR read. For fields built from many reads (analytics, insights), which would otherwise learn
     * it from a 404 per read. A customer with configured credentials is the operator's word and is not looked up.
     */
    Uni<CdrRoute> forKnownCustomer(TenantId tenant, String customerId, CallCriteria filter) {
        return forCustomer(tenant, customerId, filter).flatMap(route -> {
            if (!(route instanceof CdrRoute.PartnerCustomer p)) {
                return Uni.createFrom().item(route);
            }
            return customers.getCustomer(p.partner(), customerId)
                    .map(found -> found.map(record -> route).orElseThrow(() -> AccessPolicy.notFoundCustomer(customerId)));
        });
    }

    private static CdrRoute route(VobizCredentials partner, String customerId, Optional<VobizCredentials> own) {
        return own.<CdrRoute>map(CdrRoute.Account::new).orElseGet(() -> new CdrRoute.PartnerCustomer(partner, customerId));
    }
}
