package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Role;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** Who the caller is, as the gateway understood the token. Nothing secret. */
@Description("The caller as the gateway understood the bearer token: tenant, role and customer scope.")
public record Viewer(
        @NonNull @Description("The tenant (partner) the caller belongs to.") String tenant,
        @NonNull @Description("The caller's role.") Role role,
        @Id @Description("For customer users, the one customer account they may see; null for partner users.")
        String customerId,
        @NonNull @Description("Whether the caller may list customers and read the partner-wide call log.")
        boolean partnerWide) {
}
