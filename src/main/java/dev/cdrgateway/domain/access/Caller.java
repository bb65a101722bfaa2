package dev.cdrgateway.domain.access;

import java.util.Optional;

/** Who is asking: tenant, role and, for customer users, the one customer account they belong to. */
public record Caller(TenantId tenant, Role role, Optional<String> customerScope) {

    /** Whether this caller may read data of {@code customerId}. */
    public boolean maySee(String customerId) {
        return role.isPartner() || customerScope.map(customerId::equals).orElse(false);
    }

    /**
     * The customer a request means when its customer id is optional: the one named, else (customer users) their
     * own; {@code null} means partner-wide. Whether the caller may see it is checked separately ({@link #maySee}).
     */
    public String customerOrOwn(String customerId) {
        return customerId != null ? customerId : customerScope.orElse(null);
    }
}
