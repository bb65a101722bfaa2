package dev.cdrgateway.calls;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.paging.CallPages;

import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Calls of one customer or of the whole partner: validates input (before any upstream call), checks the caller
 * may see the data, asks the provider where the set is read from, plans pages and stitches them into connections.
 */
@ApplicationScoped
public class CallService {

    private final CallSource source;
    private final CallPages pages;
    private final Cursors cursors;
    private final PagingConfig.Paging paging;
    private final Clock clock;

    CallService(CallSource source, CallPages pages, Cursors cursors, PagingConfig config, Clock clock) {
        this.source = source;
        this.pages = pages;
        this.cursors = cursors;
        this.paging = config.paging();
        this.clock = clock;
    }

    /** A page of one customer's calls. */
    public Uni<CallConnection> customerCalls(Caller caller, String customerId, CallFilter input, ConnectionArgs args) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = filter(input);
        Paginator.Request request = request(args, "customer:" + customerId, filter);
        AccessPolicy.requireVisible(caller, customerId);
        return source.customer(caller.tenant(), customerId, filter)
                .flatMap(scope -> connection(scope, filter, request));
    }

    /** A page of the partner-wide call log (partner roles only). */
    public Uni<CallConnection> globalCalls(Caller caller, CallFilter input, ConnectionArgs args) {
        CallCriteria filter = filter(input);
        Paginator.Request request = request(args, "all", filter);
        AccessPolicy.requirePartner(caller, "calls");
        CallScope scope = source.partnerWide(caller.tenant());
        return connection(scope, filter, request);
    }

    /** The summary of one customer's filtered calls. */
    public Uni<CallSummary> customerSummary(Caller caller, String customerId, CallFilter input) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = filter(input);
        AccessPolicy.requireVisible(caller, customerId);
        return source.knownCustomer(caller.tenant(), customerId, filter)
                .flatMap(scope -> pages.anyPage(scope, filter))
                .map(CallPage::summary)
                .onFailure(UpstreamNotFoundException.class).transform(f -> AccessPolicy.notFoundCustomer(customerId));
    }

    /** The summary of the partner-wide filtered call log (partner roles only). */
    public Uni<CallSummary> globalSummary(Caller caller, CallFilter input) {
        CallCriteria filter = filter(input);
        AccessPolicy.requirePartner(caller, "callSummary");
        return pages.anyPage(source.partnerWide(caller.tenant()), filter).map(CallPage::summary);
    }

    /** One call of a customer by uuid; {@code NOT_FOUND} when that customer has no such call. */
    public Uni<Call> call(Caller caller, String customerId, String uuid) {
        CustomerIds.requireValid(customerId, "customerId");
        CallFieldRules.requireCallUuid(uuid);
        AccessPolicy.requireVisible(caller, customerId);
        return source.customer(caller.tenant(), customerId, CallCriteria.NONE)
                .flatMap(scope -> source.getCall(scope, uuid))
                .map(found -> found.filter(call -> customerId.equals(call.customerId()))
                        .orElseThrow(() -> AccessPolicy.notFoundCall(uuid)));
    }

    /** A customer's most recent calls, newest first. */
    public Uni<List<Call>> recentCalls(Caller caller, String customerId, int limit) {
        CustomerIds.requireValid(customerId, "customerId");
        CallFieldRules.requireRecentLimit(limit, paging);
        AccessPolicy.requireVisible(caller, customerId);
        return source.customer(caller.tenant(), customerId, CallCriteria.NONE)
                .flatMap(scope -> source.recentCalls(scope, limit));
    }

    /**
     * The scope of one customer's filtered calls, or of the partner-wide log when {@code customerId} is null, after
     * the same checks as the other call fields: a customer the caller may not see is {@code NOT_FOUND}, the
     * partner-wide log is {@code FORBIDDEN} to customer users, a tenant without credentials
     * {@code TENANT_NOT_CONFIGURED}, and a customer the partner API does not know {@code NOT_FOUND} (one record
     * lookup, before any CDR read). For fields built from several reads of one set (analytics); the filter must
     * already be validated.
     *
     * @param field the GraphQL field, named in the FORBIDDEN message
     */
    public Uni<CallScope> scope(Caller caller, String customerId, CallCriteria filter, String field) {
        if (customerId == null) {
            AccessPolicy.requirePartner(caller, field);
            return Uni.createFrom().item(source.partnerWide(caller.tenant()));
        }
        CustomerIds.requireValid(customerId, "customerId");
        AccessPolicy.requireVisible(caller, customerId);
        return source.knownCustomer(caller.tenant(), customerId, filter);
    }

    private Uni<CallConnection> connection(CallScope scope, CallCriteria filter, Paginator.Request request) {
        return Paginator.<Call, CallPage>fetch(request, cursors,
                        (page, perPage) -> pages.page(scope, filter, page, perPage)
                                .onFailure(UpstreamNotFoundException.class)
                                .transform(f -> AccessPolicy.notFoundCustomer(scope.customerId())))
                .map(window -> new CallConnection(
                        window.rows().stream().map(r -> new CallEdge(r.cursor(), r.node())).toList(),
                        window.pageInfo(), window.totalCount(), window.anyPage().summary(),
                        window.anyPage().appliedFilter()));
    }

    private Paginator.Request request(ConnectionArgs args, String scope, CallCriteria filter) {
        return CallFieldRules.connectionRequest(scope, filter, args, paging, cursors);
    }

    /** The normalised filter for today's UTC date. */
    public CallCriteria filter(CallFilter input) {
        return CallFilter.normalised(input, LocalDate.now(clock));
    }
}
