package dev.cdrgateway.calls;

import dev.cdrgateway.domain.CallSummary;

import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.calls.CallService;
import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.security.TenantContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * Call summaries on their own. Within one request they share upstream responses with connections over the same
 * filtered set (see {@code CallPages}).
 */
@GraphQLApi
public class SummaryGraphQLApi {

    private final CallService cdrs;
    private final TenantContext tenant;

    SummaryGraphQLApi(CallService cdrs, TenantContext tenant) {
        this.cdrs = cdrs;
        this.tenant = tenant;
    }

    @Query("callSummary")
    @Description("Totals over a filtered set of calls: one customer's, or (partner users, no customerId) the whole "
            + "partner's.")
    public Uni<CallSummary> callSummary(
            @Id @Description("The customer; omit for partner-wide totals (partner users only).") String customerId,
            @Description("Narrows the calls; omit for all calls.") CallFilter filter) {
        Caller caller = tenant.caller();
        String customer = AccessPolicy.customerOrOwn(caller, customerId);
        return customer == null ? cdrs.globalSummary(caller, filter) : cdrs.customerSummary(caller, customer, filter);
    }

    @Description("Totals over the customer's filtered calls.")
    public Uni<CallSummary> callSummary(
            @Source Customer customer,
            @Description("Narrows the calls; omit for all calls.") CallFilter filter) {
        return cdrs.customerSummary(tenant.caller(), customer.id(), filter);
    }
}
