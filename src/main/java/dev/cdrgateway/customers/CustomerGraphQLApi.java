package dev.cdrgateway.customers;

import dev.cdrgateway.domain.Customer;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.security.TenantContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Customer queries, and the owning customer of a call (batched). */
@GraphQLApi
public class CustomerGraphQLApi {

    private final CustomerService customers;
    private final TenantContext tenant;

    CustomerGraphQLApi(CustomerService customers, TenantContext tenant) {
        this.customers = customers;
        this.tenant = tenant;
    }

    @Query("customers")
    @Description("The partner's customers, Relay style, optionally searched by name, e-mail or id. Partner users only.")
    public Uni<CustomerConnection> customers(
            @Description("Case-insensitive part of a customer's name or e-mail (upstream also matches ids).") String search,
            @Description("Number of customers after `after` (0-500, default 20).") Integer first,
            @Description("Cursor to start after.") String after,
            @Description("Number of customers before `before` (0-500).") Integer last,
            @Description("Cursor to end before.") String before) {
        return customers.customers(tenant.caller(), search, new ConnectionArgs(first, after, last, before));
    }

    @Query("customer")
    @Description("One customer by id (its Vobiz auth id, MA_...). NOT_FOUND when it does not exist or is not visible "
            + "to the caller.")
    public Uni<Customer> customer(@NonNull @Id @Description("The customer's auth id, e.g. MA_XXXXXXXX.") String id) {
        return customers.customer(tenant.caller(), id);
    }

    @Description("The customer account that owns this call. Looked up once per distinct customer for a whole list.")
    public Uni<List<Customer>> customer(@Source List<Call> calls) {
        return customers.customersById(tenant.caller(), calls.stream().map(Call::customerId).toList());
    }
}
