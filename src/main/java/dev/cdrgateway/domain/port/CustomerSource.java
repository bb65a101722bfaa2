package dev.cdrgateway.domain.port;

import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.access.TenantId;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * The partner's customers as a CDR provider knows them, in domain terms. Both reads use the tenant's partner
 * credentials: a tenant without them is {@code TENANT_NOT_CONFIGURED}, thrown when the read is asked for.
 */
public interface CustomerSource {

    /** One page of the tenant's customers, optionally searched by name, e-mail or id. */
    Uni<CustomerPage> listCustomers(TenantId tenant, String search, int page, int perPage);

    /** One customer of the tenant; empty when unknown or another partner's. */
    Uni<Optional<Customer>> getCustomer(TenantId tenant, String customerId);
}
