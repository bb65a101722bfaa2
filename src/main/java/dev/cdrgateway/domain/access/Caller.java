package dev.cdrgateway.domain.access;

import java.util.Optional;

/**
 * Who is asking: tenant, role and, for customer users, the one customer account they belong to. What they may
 * see follows from it in {@link AccessPolicy}.
 */
public record Caller(TenantId tenant, Role role, Optional<String> customerScope) {
}
