package dev.cdrgateway.tenant;

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

    /** Whether this role sees partner-wide data (customers list, global log). */
    public boolean isPartner() {
        return this != CUSTOMER;
    }
}
