package dev.cdrgateway.calls;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import dev.cdrgateway.domain.schema.FieldArguments;
import dev.cdrgateway.domain.schema.FieldCosts;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.paging.Paginator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The argument rules and costs of the call fields ({@code calls}, {@code call}, {@code callSummary},
 * {@code recentCalls} on Query and Customer). {@link CallService} applies the same rules when a field runs; the
 * engine applies them to the whole operation before anything runs. A page of calls repeats its selection once per
 * row asked for.
 */
@ApplicationScoped
public class CallFieldRules implements FieldArgumentRules, FieldCosts {

    private static final Pattern CALL_UUID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final List<String> RESERVED_CALL_IDS = List.of("search", "recent", "export");
    private static final int DEFAULT_RECENT = 20;

    private final CallFilterArgument filters;
    private final PagingConfig.Paging paging;
    private final Cursors cursors;

    CallFieldRules(CallFilterArgument filters, PagingConfig config, Cursors cursors) {
        this.filters = filters;
        this.paging = config.paging();
        this.cursors = cursors;
    }

    @Override
    public Map<String, ArgumentRule> argumentRules() {
        return Map.of(
                "Query.calls", field -> connectionRequest("all", filters.of(field), ConnectionArgs.of(field), paging,
                        cursors),
                "Query.call", field -> {
                    requireCallUuid(field.string("uuid"));
                    CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
                },
                "Query.callSummary", field -> {
                    CustomerIds.requireValidIfPresent(field.string("customerId"), "customerId");
                    filters.of(field);
                },
                "Customer.calls", this::customerCalls,
                "Customer.callSummary", filters::of,
                "Customer.call", field -> requireCallUuid(field.string("uuid")),
                "Customer.recentCalls", field -> requireRecentLimit(recentLimit(field), paging));
    }

    @Override
    public Map<String, CostRule> costRules() {
        CostRule page = field -> Cost.repeated(ConnectionArgs.of(field).pageSize(paging.defaultFirst()));
        return Map.of(
                "Query.calls", page,
                "Customer.calls", page,
                "Customer.recentCalls", field -> Cost.repeated(
                        field.integer("limit") != null ? field.integer("limit") : paging.defaultFirst()));
    }

    /** A customer's calls: their cursors can be checked when the customer is the field directly above. */
    private void customerCalls(FieldArguments field) {
        CallCriteria filter = filters.of(field);
        String owner = field.parent()
                .filter(parent -> parent.coordinate().equals("Query.customer"))
                .map(parent -> parent.string("id"))
                .filter(CustomerIds::isValid)
                .orElse(null);
        if (owner != null) {
            connectionRequest("customer:" + owner, filter, ConnectionArgs.of(field), paging, cursors);
        } else {
            ConnectionArgs.of(field).validated(paging.defaultFirst(), paging.maxFirst());
        }
    }

    private static int recentLimit(FieldArguments field) {
        Integer limit = field.integer("limit");
        return limit == null ? DEFAULT_RECENT : limit;
    }

    /**
     * Validates the arguments of a call connection and decodes its cursors, without I/O.
     *
     * @param scope {@code customer:<id>} or {@code all}: cursors are only valid within the scope they came from
     * @throws BadUserInputException naming the argument to fix
     */
    static Paginator.Request connectionRequest(String scope, CallCriteria filter, ConnectionArgs args,
                                               PagingConfig.Paging paging, Cursors cursors) {
        ConnectionArgs valid = args.validated(paging.defaultFirst(), paging.maxFirst());
        return Paginator.request(valid, Cursors.fingerprint(scope + "|" + filter.canonical()), cursors);
    }

    /**
     * Validates a call uuid (it goes into an upstream path).
     *
     * @throws BadUserInputException when it is not a uuid-like id or collides with an endpoint name
     */
    static String requireCallUuid(String uuid) {
        if (uuid == null || !CALL_UUID.matcher(uuid).matches() || RESERVED_CALL_IDS.contains(uuid.toLowerCase())) {
            throw new BadUserInputException("`uuid` must be a call UUID such as d0000000-0000-4000-8000-000000000006");
        }
        return uuid;
    }

    /**
     * Validates a recent-calls limit.
     *
     * @throws BadUserInputException when outside 1..max
     */
    static int requireRecentLimit(int limit, PagingConfig.Paging paging) {
        if (limit < 1 || limit > paging.maxRecent()) {
            throw new BadUserInputException("`limit` must be between 1 and " + paging.maxRecent() + ", got " + limit);
        }
        return limit;
    }
}
