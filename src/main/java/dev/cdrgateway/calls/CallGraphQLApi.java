package dev.cdrgateway.calls;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallFilter;

import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.security.TenantContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Call queries: the partner-wide log, single-call lookups, and a customer's calls and recent calls. */
@GraphQLApi
public class CallGraphQLApi {

    private final CallService cdrs;
    private final TenantContext tenant;

    CallGraphQLApi(CallService cdrs, TenantContext tenant) {
        this.cdrs = cdrs;
        this.tenant = tenant;
    }

    @Query("calls")
    @Description("The partner-wide call log across all customers, newest first, Relay style. Partner users only.")
    public Uni<CallConnection> calls(
            @Description("Narrows the calls; omit for all calls.") CallFilter filter,
            @Description("Number of calls after `after` (0-500, default 20).") Integer first,
            @Description("Cursor to start after.") String after,
            @Description("Number of calls before `before` (0-500).") Integer last,
            @Description("Cursor to end before.") String before) {
        return cdrs.globalCalls(tenant.caller(), filter, new ConnectionArgs(first, after, last, before));
    }

    @Query("call")
    @Description("One call by UUID, with every detail Vobiz records. NOT_FOUND when the customer has no such call.")
    public Uni<Call> call(
            @NonNull @Id @Description("The call's UUID.") String uuid,
            @Id @Description("The customer that owns the call. Required for partner users; customer users may omit it.")
            String customerId) {
        Caller caller = tenant.caller();
        String owner = customerId != null ? customerId : caller.customerScope().orElseThrow(() ->
                new BadUserInputException("`customerId` is required: Vobiz looks calls up per customer"));
        return cdrs.call(caller, owner, uuid);
    }

    @Description("The customer's calls, newest first, Relay style.")
    public Uni<CallConnection> calls(
            @Source Customer customer,
            @Description("Narrows the calls; omit for all calls.") CallFilter filter,
            @Description("Number of calls after `after` (0-500, default 20).") Integer first,
            @Description("Cursor to start after.") String after,
            @Description("Number of calls before `before` (0-500).") Integer last,
            @Description("Cursor to end before.") String before) {
        return cdrs.customerCalls(tenant.caller(), customer.id(), filter, new ConnectionArgs(first, after, last, before));
    }

    @Description("The customer's most recent calls, newest first.")
    public Uni<List<Call>> recentCalls(
            @Source Customer customer,
            @DefaultValue("20") @Description("How many calls (1-100).") int limit) {
        return cdrs.recentCalls(tenant.caller(), customer.id(), limit);
    }

    @Description("One of the customer's calls by UUID.")
    public Uni<Call> call(@Source Customer customer, @NonNull @Id @Description("The call's UUID.") String uuid) {
        return cdrs.call(tenant.caller(), customer.id(), uuid);
    }
}
