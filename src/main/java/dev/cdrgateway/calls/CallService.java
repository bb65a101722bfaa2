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
import dev.cdrgateway.domain.error.ForbiddenException;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.vobiz.CdrRoute;
import dev.cdrgateway.vobiz.CdrRouter;
import dev.cdrgateway.vobiz.VobizClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Calls of one customer or of the whole partner: validates input (before any upstream call), checks the caller
 * may see the data, routes, plans pages and stitches them into connections.
 */
@ApplicationScoped
public class CallService {

    private final CdrRouter router;
    private final CallPages pages;
    private final VobizClient vobiz;
    private final Cursors cursors;
    private final PagingConfig.Paging paging;
    private final Clock clock;

    CallService(CdrRouter router, CallPages pages, VobizClient vobiz, Cursors cursors, PagingConfig config, Clock clock) {
        this.router = router;
        this.pages = pages;
        this.vobiz = vobiz;
        this.cursors = cursors;
        this.paging = config.paging();
        this.clock = clock;
    }

    /** A page of one customer's calls. */
    public Uni<CallConnection> customerCalls(Caller caller, String customerId, CallFilter input, ConnectionArgs args) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = filter(input);
        Paginator.Request request = request(args, "customer:" + customerId, filter);
        checkAccess(caller, customerId);
        return router.forCustomer(caller.tenant(), customerId, filter)
                .flatMap(route -> connection(route, filter, request));
    }

    /** A page of the partner-wide call log (partner roles only). */
    public Uni<CallConnection> globalCalls(Caller caller, CallFilter input, ConnectionArgs args) {
        CallCriteria filter = filter(input);
        Paginator.Request request = request(args, "all", filter);
        checkPartner(caller, "calls");
        CdrRoute route = router.global(caller.tenant());
        return connection(route, filter, request);
    }

    /** The summary of one customer's filtered calls. */
    public Uni<CallSummary> customerSummary(Caller caller, String customerId, CallFilter input) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = filter(input);
        checkAccess(caller, customerId);
        return router.forKnownCustomer(caller.tenant(), customerId, filter)
                .flatMap(route -> pages.anyPage(route, filter))
                .map(CallPage::summary)
                .onFailure(VobizClient::isNotFound).transform(f -> CdrRouter.NotFound.customer(customerId));
    }

    /** The summary of the partner-wide filtered call log (partner roles only). */
    public Uni<CallSummary> globalSummary(Caller caller, CallFilter input) {
        CallCriteria filter = filter(input);
        checkPartner(caller, "callSummary");
        return pages.anyPage(router.global(caller.tenant()), filter).map(CallPage::summary);
    }

    /** One call of a customer by uuid; {@code NOT_FOUND} when that customer has no such call. */
    public Uni<Call> call(Caller caller, String customerId, String uuid) {
        CustomerIds.requireValid(customerId, "customerId");
        CallFieldRules.requireCallUuid(uuid);
        checkAccess(caller, customerId);
        return router.forCustomer(caller.tenant(), customerId, CallCriteria.NONE)
                .flatMap(route -> vobiz.getCall(route, uuid))
                .map(found -> found.filter(call -> customerId.equals(call.customerId()))
                        .orElseThrow(() -> CdrRouter.NotFound.call(uuid)));
    }

    /** A customer's most recent calls, newest first. */
    public Uni<List<Call>> recentCalls(Caller caller, String customerId, int limit) {
        CustomerIds.requireValid(customerId, "customerId");
        CallFieldRules.requireRecentLimit(limit, paging);
        checkAccess(caller, customerId);
        return router.forCustomer(caller.tenant(), customerId, CallCriteria.NONE)
                .flatMap(route -> vobiz.recentCalls(route, limit));
    }

    /**
     * The route of one customer's filtered calls, or of the partner-wide log when {@code customerId} is null, after
     * the same checks as the other call fields: a customer the caller may not see is {@code NOT_FOUND}, the
     * partner-wide log is {@code FORBIDDEN} to customer users, a tenant without credentials
     * {@code TENANT_NOT_CONFIGURED}, and a customer the partner API does not know {@code NOT_FOUND} (one record
     * lookup, before any CDR read). For fields built from several reads of one set (analytics); the filter must
     * already be validated.
     *
     * @param field the GraphQL field, named in the FORBIDDEN message
     */
    public Uni<CdrRoute> route(Caller caller, String customerId, CallCriteria filter, String field) {
        if (customerId == null) {
            checkPartner(caller, field);
            return Uni.createFrom().item(router.global(caller.tenant()));
        }
        CustomerIds.requireValid(customerId, "customerId");
        checkAccess(caller, customerId);
        return router.forKnownCustomer(caller.tenant(), customerId, filter);
    }

    private Uni<CallConnection> connection(CdrRoute route, CallCriteria filter, Paginator.Request request) {
        return Paginator.<Call, CallPage>fetch(request, cursors,
                        (page, perPage) -> pages.page(route, filter, page, perPage)
                                .onFailure(VobizClient::isNotFound)
                                .transform(f -> CdrRouter.NotFound.customer(route.customerId())))
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

    private static void checkAccess(Caller caller, String customerId) {
        if (!caller.maySee(customerId)) {
            throw CdrRouter.NotFound.customer(customerId);
        }
    }

    private static void checkPartner(Caller caller, String field) {
        if (!caller.role().isPartner()) {
            throw new ForbiddenException("`" + field + "` is only available to partner users");
        }
    }
}
