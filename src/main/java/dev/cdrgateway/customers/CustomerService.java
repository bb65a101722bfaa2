package dev.cdrgateway.customers;

import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.port.CustomerPage;

import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.port.CustomerSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The partner's customers: the searchable list (partner roles) and single customers (anyone allowed to see them). */
@ApplicationScoped
public class CustomerService {

    private final CustomerSource source;
    private final Cursors cursors;
    private final PagingConfig.Paging paging;

    CustomerService(CustomerSource source, Cursors cursors, PagingConfig config) {
        this.source = source;
        this.cursors = cursors;
        this.paging = config.paging();
    }

    /** A page of the partner's customers, optionally searched by name, e-mail or id (partner roles only). */
    public Uni<CustomerConnection> customers(Caller caller, String search, ConnectionArgs args) {
        String term = CustomerFieldRules.searchTerm(search);
        Paginator.Request request = CustomerFieldRules.connectionRequest(term, args, paging, cursors);
        AccessPolicy.requirePartner(caller, "customers");
        return Paginator.<Customer, CustomerPage>fetch(request, cursors,
                        (page, perPage) -> source.listCustomers(caller.tenant(), term, page, perPage))
                .map(window -> new CustomerConnection(
                        window.rows().stream().map(r -> new CustomerEdge(r.cursor(), r.node())).toList(),
                        window.pageInfo(), window.totalCount()));
    }

    /** One customer; {@code NOT_FOUND} when unknown, another partner's, or outside a customer user's scope. */
    public Uni<Customer> customer(Caller caller, String customerId) {
        CustomerIds.requireValid(customerId, "id");
        AccessPolicy.requireVisible(caller, customerId);
        return source.getCustomer(caller.tenant(), customerId)
                .map(found -> found.orElseThrow(() -> AccessPolicy.notFoundCustomer(customerId)));
    }

    /**
     * The customers owning the given ids, 1:1 with the input (null where not visible or unknown): each distinct
     * id is looked up once, all concurrently.
     */
    public Uni<List<Customer>> customersById(Caller caller, List<String> customerIds) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : customerIds) {
            if (CustomerIds.isValid(id) && AccessPolicy.maySee(caller, id)) {
                distinct.add(id);
            }
        }
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(new ArrayList<>(Collections.nCopies(customerIds.size(), null)));
        }
        List<String> ids = List.copyOf(distinct);
        List<Uni<Optional<Customer>>> lookups = ids.stream()
                .map(id -> source.getCustomer(caller.tenant(), id))
                .toList();
        return Uni.join().all(lookups).andFailFast().map(found -> {
            Map<String, Customer> byId = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                found.get(i).ifPresent(c -> byId.put(c.id(), c));
            }
            List<Customer> result = new ArrayList<>(customerIds.size());
            for (String id : customerIds) {
                result.add(id == null ? null : byId.get(id));
            }
            return result;
        });
    }
}
