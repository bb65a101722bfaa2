package dev.cdrgateway.vobiz;

import dev.cdrgateway.resilience.LocalCaches;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.error.NotFoundException;
import dev.cdrgateway.domain.error.TenantNotConfiguredException;
import dev.cdrgateway.vobiz.TenantCredentialResolver;
import dev.cdrgateway.domain.access.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The one place that decides which Vobiz API serves a read (README.md "Routing"). Customer-scoped reads use the
 * account API when the customer's own credentials are known (configured, or the {@code auth_token} of its
 * partner record) and the filter needs nothing only the partner API documents; otherwise the partner API.
 * Partner-wide reads always use the partner API.
 */
@ApplicationScoped
public class CdrRouter {

    private final TenantCredentialResolver credentials;
    private final VobizClient vobiz;
    private final VobizConfig config;
    /**
     * Customer routes learnt from partner records, by partner auth id and customer id (so one partner's entries
     * never serve another): the customer's own credentials, or empty for "partner API". Unknown customers are
     * not remembered.
     */
    private final Cache<String, Optional<VobizCredentials>> customerRoutes;

    CdrRouter(TenantCredentialResolver credentials, VobizClient vobiz, VobizConfig config) {
        this.credentials = credentials;
        this.vobiz = vobiz;
        this.config = config;
        this.customerRoutes = LocalCaches.newBuilder()
                .expireAfterWrite(config.routing().customerRouteTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The tenant's partner credentials, or {@code TENANT_NOT_CONFIGURED}. */
    public VobizCredentials partnerCredentials(TenantId tenant) {
        return credentials.partner(tenant).orElseThrow(() -> new TenantNotConfiguredException(
                "No Vobiz credentials are configured for tenant '" + tenant + "'; ask the gateway operator"));
    }

    /** Route for the partner-wide call log. */
    public CdrRoute global(TenantId tenant) {
        return new CdrRoute.PartnerGlobal(partnerCredentials(tenant));
    }

    /**
     * Route for one customer's calls. Fails with {@code NOT_FOUND} when the partner API says the customer is not
     * this partner's (only when the record had to be looked up).
     */
    public Uni<CdrRoute> forCustomer(TenantId tenant, String customerId, CallCriteria filter) {
        VobizCredentials partner = partnerCredentials(tenant);
        if (filter.needsPartnerApi()) {
            return Uni.createFrom().item(new CdrRoute.PartnerCustomer(partner, customerId));
        }
        Optional<VobizCredentials> configured = credentials.customer(tenant, customerId);
        if (configured.isPresent()) {
            return Uni.createFrom().item(new CdrRoute.Account(configured.get()));
        }
        if (!config.routing().useCustomerTokens()) {
            return Uni.createFrom().item(new CdrRoute.PartnerCustomer(partner, customerId));
        }
        String key = partner.authId() + "|" + customerId;
        Optional<VobizCredentials> known = customerRoutes.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(route(partner, customerId, known));
        }
        return vobiz.getCustomer(partner, customerId).map(found -> {
            CustomerRecord record = found.orElseThrow(() -> NotFound.customer(customerId));
            customerRoutes.put(key, record.ownCredentials());
            return route(partner, customerId, record.ownCredentials());
        });
    }

    /**
     * {@link #forCustomer}, and the certainty that the partner API knows the customer: {@code NOT_FOUND} for an
     * unknown or another partner's id after one record lookup (shared with the routing's own lookup and cached),
     * before any CDR read. For fields built from many reads (analytics, insights), which would otherwise learn
     * it from a 404 per read. A customer with configured credentials is the operator's word and is not looked up.
     */
    public Uni<CdrRoute> forKnownCustomer(TenantId tenant, String customerId, CallCriteria filter) {
        return forCustomer(tenant, customerId, filter).flatMap(route -> {
            if (!(route instanceof CdrRoute.PartnerCustomer p)) {
                return Uni.createFrom().item(route);
            }
            return vobiz.getCustomer(p.partner(), customerId)
                    .map(found -> found.map(record -> route).orElseThrow(() -> NotFound.customer(customerId)));
        });
    }

    private static CdrRoute route(VobizCredentials partner, String customerId, Optional<VobizCredentials> own) {
        return own.<CdrRoute>map(CdrRoute.Account::new).orElseGet(() -> new CdrRoute.PartnerCustomer(partner, customerId));
    }

    /** Forgets every learnt customer route (the next read of each customer looks its record up again). */
    public void forgetCustomerRoutes() {
        customerRoutes.invalidateAll();
    }

    /** The uniform not-found errors (the same text whether the id is unknown or belongs to someone else). */
    public static final class NotFound {
        private NotFound() {
        }

        public static NotFoundException customer(String customerId) {
            return new NotFoundException("No customer with id '" + customerId + "' was found");
        }

        public static NotFoundException call(String uuid) {
            return new NotFoundException("No call with uuid '" + uuid + "' was found");
        }
    }
}
