package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.domain.port.CustomerSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Vobiz as the gateway's {@link CustomerSource}: the partner API's customer reads with the tenant's partner credentials. */
@ApplicationScoped
class VobizCustomerSource implements CustomerSource {

    private final CdrRouter router;
    private final VobizCustomers customers;

    VobizCustomerSource(CdrRouter router, VobizCustomers customers) {
        this.router = router;
        this.customers = customers;
    }

    @Override
    public Uni<CustomerPage> listCustomers(TenantId tenant, String search, int page, int perPage) {
        return customers.listCustomers(router.partnerCredentials(tenant), search, page, perPage);
    }

    @Override
    public Uni<Optional<Customer>> getCustomer(TenantId tenant, String customerId) {
        return customers.getCustomer(router.partnerCredentials(tenant), customerId)
                .map(found -> found.map(CustomerRecord::customer));
    }
}
