package dev.cdrgateway.domain.access;

import org.eclipse.microprofile.graphql.Description;

/** What a caller may see inside its tenant. */
@Description("The caller's role inside its tenant.")
public enum Role {
    @Description("Every customer of the partner, the global call log and partner-wide summaries.")
    PARTNER_ADMIN,
    @Description("The same data as PARTNER_ADMIN, read-only.")
    PARTNER_VIEWER,
    @Description("One customer account only: its calls, summary and single-call lookups.")
    CUSTOMER;

    /** The role name in tokens ({@code partner-admin}, {@code partner-viewer}, {@code customer}). */
    public String claimValue() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The most privileged role among token role names; empty when none is a gateway role. */
    public static java.util.Optional<Role> strongest(java.util.Set<String> roles) {
        for (Role role : values()) {
            if (roles.contains(role.claimValue())) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether this role sees partner-wide data (customers list, global log). */
    public boolean isPartner() {
        return this != CUSTOMER;
    }
}
