package dev.cdrgateway.customers;

import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import dev.cdrgateway.domain.schema.FieldCosts;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.paging.Paginator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The argument rules and costs of the customer fields ({@code customers}, {@code customer}). {@link CustomerService}
 * applies the same rules when a field runs; the engine applies them to the whole operation before anything runs.
 * A page of customers repeats its selection once per row asked for.
 */
@ApplicationScoped
public class CustomerFieldRules implements FieldArgumentRules, FieldCosts {

    private static final int MAX_SEARCH_LENGTH = 100;

    private final PagingConfig.Paging paging;
    private final Cursors cursors;

    CustomerFieldRules(PagingConfig config, Cursors cursors) {
        this.paging = config.paging();
        this.cursors = cursors;
    }

    @Override
    public Map<String, ArgumentRule> argumentRules() {
        return Map.of(
                "Query.customers", field -> connectionRequest(searchTerm(field.string("search")),
                        ConnectionArgs.of(field), paging, cursors),
                "Query.customer", field -> CustomerIds.requireValid(field.string("id"), "id"));
    }

    @Override
    public Map<String, CostRule> costRules() {
        return Map.of("Query.customers",
                field -> Cost.repeated(ConnectionArgs.of(field).pageSize(paging.defaultFirst())));
    }

    /**
     * The normalised search term (trimmed, null when blank).
     *
     * @throws BadUserInputException when longer than 100 characters
     */
    static String searchTerm(String search) {
        String term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.length() > MAX_SEARCH_LENGTH) {
            throw new BadUserInputException("`search` must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        return term;
    }

    /**
     * Validates the connection arguments of the customer list and decodes its cursors, without I/O.
     *
     * @throws BadUserInputException naming the argument to fix
     */
    static Paginator.Request connectionRequest(String term, ConnectionArgs args, PagingConfig.Paging paging,
                                               Cursors cursors) {
        ConnectionArgs valid = args.validated(paging.defaultFirst(), paging.maxFirst());
        return Paginator.request(valid, Cursors.fingerprint("customers|" + term), cursors);
    }
}
