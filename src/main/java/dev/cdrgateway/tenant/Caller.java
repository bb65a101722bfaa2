package dev.cdrgateway.tenant;

import java.util.Optional;

/** Who is asking: tenant, role and, for customer users, the one customer account they belong to. */
public record Caller(TenantId tenant, Role role, Optional<String> customerScope) {

    /** Whether this caller may read data of {@code customerId}. */
    public boolean maySee(String customerId) {
        return role.isPartner() || customerScope.map(customerId::equals).orElse(false);
    }
}
