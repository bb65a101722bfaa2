package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.resilience.CacheClass;
import dev.cdrgateway.resilience.UpstreamPipeline;
import dev.cdrgateway.resilience.UpstreamRead;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallListEndpoint;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.vobiz.dto.VobizCdrPage;
import dev.cdrgateway.vobiz.dto.VobizSingleCdr;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;


import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vobiz's CDR reads: picks the endpoint a route and filter are served by, calls the typed REST client with the
 * route's credentials through the executor, and maps the answer to domain types (failures to gateway errors).
 * What the filter becomes on the wire is {@link VobizFilterContract}'s decision, how long an answer may be cached
 * {@link VobizCachePolicy}'s.
 */
@ApplicationScoped
class VobizClient {

    private final VobizPartnerRestClient partner;
    private final VobizAccountRestClient account;
    private final UpstreamPipeline executor;
    private final VobizApi partnerApi;
    private final VobizApi accountApi;
    private final VobizCachePolicy cachePolicy;
    private final QualityThresholds thresholds;

    VobizClient(@RestClient VobizPartnerRestClient partner, @RestClient VobizAccountRestClient account,
                UpstreamPipeline executor, VobizGuard guard, VobizCachePolicy cachePolicy,
                QualityThresholds thresholds) {
        this.thresholds = thresholds;
        this.partner = partner;
        this.account = account;
        this.executor = executor;
        this.partnerApi = VobizApi.partner(guard);
        this.accountApi = VobizApi.account(guard);
        this.cachePolicy = cachePolicy;
    }

    /**
     * One page of calls matching {@code filter} from the route's endpoint. An unknown customer (404) yields an
     * empty page only on the account route; on partner routes it means the customer is not this partner's and
     * fails with {@link UpstreamNotFoundException}.
     */
    Uni<CallPage> listCalls(CdrRoute route, CallCriteria filter, int page, int perPage) {
        return listCalls(route, filter, page, perPage, cachePolicy.callPage(route, filter));
    }

    /**
     * The summary of a filtered set (with the filter applied), read with the smallest page (one row), for fields
     * that need totals only (analytics: one call per time-series bucket or breakdown value).
     */
    Uni<CallPage> summaryPage(CdrRoute route, CallCriteria filter) {
        return listCalls(route, filter, 1, 1, cachePolicy.summary(filter));
    }

    private Uni<CallPage> listCalls(CdrRoute route, CallCriteria filter, int page, int perPage, CacheClass cacheClass) {
        return executor.read(listCallsRead(route, filter, page, perPage, cacheClass));
    }

    private UpstreamRead<CallPage> listCallsRead(CdrRoute route, CallCriteria filter, int page, int perPage,
                                                          CacheClass cacheClass) {
        Map<String, String> query = pageQuery(route, filter, page, perPage);
        ListCall call = listCall(route, filter, query);
        return readOf(route, call.endpoint(), cacheClass, query, () -> call.page(route, filter, thresholds));
    }

    /**
     * One page of calls for a streaming export: the same request as {@link #listCalls}, but neither cached nor
     * shared (an export reads every page once; caching them would hold the whole set in memory), still limited,
     * retried, guarded by the breaker and timed out per call.
     *
     * @param tenant the caller's tenant (its upstream concurrency lane)
     */
    Uni<CallPage> exportPage(CdrRoute route, CallCriteria filter, int page, int perPage, String tenant) {
        Map<String, String> query = pageQuery(route, filter, page, perPage);
        ListCall call = listCall(route, filter, query);
        VobizApi api = apiOf(route);
        return executor.guarded(api, call.endpoint(), tenant, () -> call.page(route, filter, thresholds)
                .onFailure().transform(f -> UpstreamErrors.fromFailure(api.label(), f)));
    }

    /** The request of one list page: endpoint name (metrics, cache keys), which endpoint it is, and the REST call. */
    private record ListCall(String endpoint, CallListEndpoint served, Supplier<Uni<VobizCdrPage>> body) {

        /** The page in domain terms, with the filter the endpoint applied. */
        Uni<CallPage> page(CdrRoute route, CallCriteria filter, QualityThresholds thresholds) {
            return body.get().map(answer -> VobizMapper.toCallPage(answer, route.customerId(), thresholds)
                    .withAppliedFilter(VobizFilterContract.applied(served, filter, answer.searchEcho())));
        }
    }

    private static Map<String, String> pageQuery(CdrRoute route, CallCriteria filter, int page, int perPage) {
        Map<String, String> query = VobizFilterContract.query(filter, route instanceof CdrRoute.Account);
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(Math.max(1, Math.min(perPage, 100))));
        return query;
    }

    /** The account API lists without a filter and searches with one; the partner API has one list per scope. */
    private ListCall listCall(CdrRoute route, CallCriteria filter, Map<String, String> query) {
        if (route instanceof CdrRoute.Account a) {
            VobizCredentials c = a.credentials();
            return filter.isEmpty()
                    ? new ListCall("account.list", CallListEndpoint.ACCOUNT_LIST,
                            () -> account.list(c.authId(), c.authToken(), c.authId(), query))
                    : new ListCall("account.search", CallListEndpoint.ACCOUNT_SEARCH,
                            () -> account.search(c.authId(), c.authToken(), c.authId(), query));
        } else if (route instanceof CdrRoute.PartnerCustomer p) {
            return new ListCall("partner.customer-cdrs", CallListEndpoint.PARTNER_CUSTOMER_CDRS,
                    () -> partner.listCustomerCdrs(p.partner().authId(), p.partner().authToken(), p.customerId(), query));
        }
        CdrRoute.PartnerGlobal g = (CdrRoute.PartnerGlobal) route;
        return new ListCall("partner.cdrs", CallListEndpoint.PARTNER_CDRS,
                () -> partner.listCdrs(g.partner().authId(), g.partner().authToken(), query));
    }

    /** The API that serves a route: the account API with the customer's own credentials, else the partner API. */
    private VobizApi apiOf(CdrRoute route) {
        return route instanceof CdrRoute.Account ? accountApi : partnerApi;
    }

    private <T> Uni<T> read(CdrRoute route, String endpoint, CacheClass cacheClass, Map<String, String> query,
                            Supplier<Uni<T>> call) {
        return executor.read(readOf(route, endpoint, cacheClass, query, call));
    }

    private <T> UpstreamRead<T> readOf(CdrRoute route, String endpoint, CacheClass cacheClass,
                                                Map<String, String> query, Supplier<Uni<T>> call) {
        VobizApi api = apiOf(route);
        return new UpstreamRead<>(api, endpoint, route.identity(), route.tenant().value(), cacheClass, query,
                () -> call.get().onFailure().transform(f -> UpstreamErrors.fromFailure(api.label(), f)));
    }

    /** The most recent calls, newest first. The partner API has no recent endpoint: its first list page is used. */
    Uni<List<Call>> recentCalls(CdrRoute route, int limit) {
        if (route instanceof CdrRoute.Account) {
            return executor.read(accountRecentRead(route, limit));
        }
        return listCalls(route, CallCriteria.NONE, 1, limit).map(CallPage::rows);
    }

    /**
     * The most recent calls as upstream has them right now, for live feeds: the same endpoints as
     * {@link #recentCalls}, but never answered from the response cache (a poll must see new calls at once).
     * Polls run outside GraphQL requests: the reads take the concurrency lane of the tenant the route's
     * credentials belong to.
     *
     * @param tenant the caller's tenant, the same as the route's (the reads take it from the route)
     */
    Uni<List<Call>> pollRecentCalls(CdrRoute route, int limit, String tenant) {
        if (route instanceof CdrRoute.Account) {
            return executor.readFresh(accountRecentRead(route, limit));
        }
        return executor.readFresh(listCallsRead(route, CallCriteria.NONE, 1, limit, cachePolicy.recentCalls()))
                .map(CallPage::rows);
    }

    private UpstreamRead<List<Call>> accountRecentRead(CdrRoute route, int limit) {
        VobizCredentials c = ((CdrRoute.Account) route).credentials();
        return readOf(route, "account.recent", cachePolicy.recentCalls(), Map.of("limit", Integer.toString(limit)),
                () -> account.recent(c.authId(), c.authToken(), c.authId(), limit)
                        .map(body -> VobizMapper.toCallPage(body, route.customerId(), thresholds).rows())
                        .map(rows -> rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows));
    }

    /** One call by uuid; empty when Vobiz does not know it for this route's customer. */
    Uni<Optional<Call>> getCall(CdrRoute route, String uuid) {
        Supplier<Uni<VobizSingleCdr>> call;
        String endpoint;
        if (route instanceof CdrRoute.Account a) {
            VobizCredentials c = a.credentials();
            endpoint = "account.get";
            call = () -> account.get(c.authId(), c.authToken(), c.authId(), uuid);
        } else if (route instanceof CdrRoute.PartnerCustomer p) {
            endpoint = "partner.customer-cdr";
            call = () -> partner.getCustomerCdr(p.partner().authId(), p.partner().authToken(), p.customerId(), uuid);
        } else {
            throw new IllegalArgumentException("single-call lookups need a customer route");
        }
        // Not found stays a failure, so it is never cached.
        return read(route, endpoint, cachePolicy.singleCall(), Map.of("uuid", uuid),
                () -> call.get().map(body -> {
                    if (body.cdr() == null || body.cdr().uuid() == null) {
                        throw new UpstreamNotFoundException();
                    }
                    return VobizMapper.toCall(body.cdr(), route.customerId(), thresholds);
                }))
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
    }
}
