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
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import dev.cdrgateway.vobiz.dto.VobizAccount;
import dev.cdrgateway.vobiz.dto.VobizAccountPage;
import dev.cdrgateway.vobiz.dto.VobizAccountRecord;
import dev.cdrgateway.vobiz.dto.VobizCdrPage;
import dev.cdrgateway.vobiz.dto.VobizSearchEcho;
import dev.cdrgateway.vobiz.dto.VobizSingleCdr;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's only door to Vobiz: builds each endpoint's query parameters from a {@link CallCriteria}, calls the
 * typed REST clients with the route's credentials, maps wire DTOs to domain types and failures to gateway
 * errors. Returns domain types only.
 */
@ApplicationScoped
public class VobizClient {

    private static final Logger LOG = Logger.getLogger(VobizClient.class);

    private final VobizPartnerRestClient partner;
    private final VobizAccountRestClient account;
    private final UpstreamPipeline executor;
    private final VobizApi partnerApi;
    private final VobizApi accountApi;
    private final VobizCsvExport csvExport;
    private final Clock clock;
    private final QualityThresholds thresholds;

    VobizClient(Clock clock, @RestClient VobizPartnerRestClient partner, @RestClient VobizAccountRestClient account,
                UpstreamPipeline executor, VobizGuard guard, VobizCsvExport csvExport, QualityThresholds thresholds) {
        this.clock = clock;
        this.thresholds = thresholds;
        this.partner = partner;
        this.account = account;
        this.executor = executor;
        this.partnerApi = VobizApi.partner(guard);
        this.accountApi = VobizApi.account(guard);
        this.csvExport = csvExport;
    }

    /** One page of the partner's customers, optionally searched by name, e-mail or id. */
    public Uni<CustomerPage> listCustomers(VobizCredentials creds, String search, int page, int perPage) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(perPage));
        // Older docs call the page size `size`; sending both is harmless (docs/vobiz-contract.md#v4-customer-list-page-size-parameter).
        query.put("size", Integer.toString(perPage));
        if (search != null) {
            query.put("search", search);
        }
        return executor.read(new UpstreamRead<>(partnerApi, "partner.accounts", creds.authId(),
                creds.tenant().value(), CacheClass.CUSTOMERS, query,
                () -> partner.listAccounts(creds.authId(), creds.authToken(), query)
                        .invoke(body -> primeCustomerRecords(creds, body))
                        .map(VobizMapper::toCustomerPage)
                        .onFailure().transform(f -> UpstreamErrors.fromFailure("partner", f))));
    }

    /**
     * A customer list already holds each customer's full record: cache them as the single-customer reads would,
     * so a dashboard listing customers with their calls does not fetch every record again for routing.
     */
    private void primeCustomerRecords(VobizCredentials creds, VobizAccountPage page) {
        for (VobizAccount account : page.rows()) {
            if (account.authId() != null) {
                executor.prime(customerRead(creds, account.authId()), toRecord(account, account.authId(), creds));
            }
        }
    }

    private UpstreamRead<CustomerRecord> customerRead(VobizCredentials creds, String customerId) {
        return new UpstreamRead<>(partnerApi, "partner.account", creds.authId(), creds.tenant().value(),
                CacheClass.CUSTOMERS, Map.of("id", customerId),
                () -> partner.getAccount(creds.authId(), creds.authToken(), customerId)
                        .map(body -> toRecord(requireAccount(body), customerId, creds))
                        .onFailure().transform(f -> UpstreamErrors.fromFailure("partner", f)));
    }

    /**
     * A customer record of this partner, cached per partner auth id (it also decides routing); empty when Vobiz
     * answers 404 (unknown or another partner's customer).
     */
    public Uni<Optional<CustomerRecord>> getCustomer(VobizCredentials creds, String customerId) {
        // 404 stays a failure through the executor so "not found" is never cached (a new customer shows at once).
        return executor.read(customerRead(creds, customerId))
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
    }

    /**
     * One page of calls matching {@code filter} from the route's endpoint. An unknown customer (404) yields an
     * empty page only on the account route; on partner routes it means the customer is not this partner's and
     * surfaces as {@link UpstreamNotFoundException}'s public counterpart in the service.
     */
    public Uni<CallPage> listCalls(CdrRoute route, CallCriteria filter, int page, int perPage) {
        return listCalls(route, filter, page, perPage, cacheClassOf(route, filter));
    }

    /**
     * The summary of a filtered set (with the filter applied), read with the smallest page (one row), for fields
     * that need totals only (analytics: one call per time-series bucket or breakdown value). A range that ended
     * before today (UTC) is cached long on every route, the partner-wide log included: a closed day no longer gains
     * calls, and a year of monthly buckets must not be re-read every few seconds. Anything else is cached briefly.
     */
    public Uni<CallPage> summaryPage(CdrRoute route, CallCriteria filter) {
        boolean closed = filter.toDate() != null && filter.toDate().isBefore(LocalDate.now(clock));
        return listCalls(route, filter, 1, 1, closed ? CacheClass.CLOSED : CacheClass.OPEN);
    }

    private Uni<CallPage> listCalls(CdrRoute route, CallCriteria filter, int page, int perPage, CacheClass cacheClass) {
        return executor.read(listCallsRead(route, filter, page, perPage, cacheClass));
    }

    private UpstreamRead<CallPage> listCallsRead(CdrRoute route, CallCriteria filter, int page, int perPage,
                                                 CacheClass cacheClass) {
        Map<String, String> query = pageQuery(route, filter, page, perPage);
        ListCall call = listCall(route, filter, query);
        return readOf(route, call.endpoint(), cacheClass, query,
                () -> call.body().get().map(body -> VobizMapper.toCallPage(body, route.customerId(), thresholds)
                        .withAppliedFilter(VobizMapper.toAppliedFilter(call.served(), filter, body.searchEcho()))));
    }

    /**
     * One page of calls for a streaming export: the same request as {@link #listCalls}, but neither cached nor
     * shared (an export reads every page once; caching them would hold the whole set in memory), still limited,
     * retried, guarded by the breaker and timed out per call.
     *
     * @param tenant the caller's tenant (its upstream concurrency lane)
     */
    public Uni<CallPage> exportPage(CdrRoute route, CallCriteria filter, int page, int perPage, String tenant) {
        Map<String, String> query = pageQuery(route, filter, page, perPage);
        ListCall call = listCall(route, filter, query);
        VobizApi api = apiOf(route);
        return executor.guarded(api, call.endpoint(), tenant, () -> call.body().get()
                .map(body -> VobizMapper.toCallPage(body, route.customerId(), thresholds))
                .onFailure().transform(f -> UpstreamErrors.fromFailure(api.label(), f)));
    }

    /**
     * Streams a customer's calls from the account API's CSV export ({@code /cdr/export}: one request, no paging,
     * nothing cached). The {@code Uni} completes once Vobiz answered 2xx (guarded like every call: limiter,
     * retries, breaker, timeout until the headers); the {@code Multi} then emits the rows of each received chunk
     * (possibly none) as they arrive, with back-pressure down to the upstream socket. The vendor's header row
     * decides which column is which (order and extra columns do not matter). A failure after the headers fails
     * the {@code Multi}: the caller must treat what it got so far as incomplete.
     *
     * @param tenant the caller's tenant (its upstream concurrency lane)
     */
    public Uni<Multi<List<Call>>> exportCalls(CdrRoute.Account route, CallCriteria filter, String tenant) {
        Map<String, String> query = queryFor(route, filter);
        VobizCredentials c = route.credentials();
        return executor.guarded(accountApi, "account.export", tenant, () -> csvExport.open(c, query)
                        .onFailure().transform(f -> UpstreamErrors.fromFailure("account", f)))
                .map(body -> {
                    VobizCsv csv = new VobizCsv(route.customerId(), thresholds);
                    return Multi.createBy().concatenating().streams(
                                    body.map(csv::feed),
                                    Multi.createFrom().item(csv::finish))
                            .onFailure(IllegalStateException.class).transform(f -> {
                                LOG.warnf("Unreadable Vobiz account CSV export: %s", f.getMessage());
                                return new UpstreamUnavailableException("The Vobiz account API sent an incomplete or "
                                        + "unreadable export; retry later", 0);
                            })
                            .onFailure().transform(f -> UpstreamErrors.fromFailure("account", f));
                });
    }

    /** The request of one list page: endpoint name (metrics, cache keys), which endpoint it is, and the REST call. */
    private record ListCall(String endpoint, CallListEndpoint served, Supplier<Uni<VobizCdrPage>> body) {
    }

    private static Map<String, String> pageQuery(CdrRoute route, CallCriteria filter, int page, int perPage) {
        Map<String, String> query = queryFor(route, filter);
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(Math.max(1, Math.min(perPage, 100))));
        return query;
    }

    private ListCall listCall(CdrRoute route, CallCriteria filter, Map<String, String> query) {
        if (route instanceof CdrRoute.Account a) {
            VobizCredentials c = a.credentials();
            return filter.isEmpty()
                    ? new ListCall("account.list", CallListEndpoint.ACCOUNT_LIST,
                            () -> account.list(c.authId(), c.authToken(), c.authId(), query))
                    : new ListCall("account.search", CallListEndpoint.ACCOUNT_SEARCH,
                            () -> account.search(c.authId(), c.authToken(), c.authId(), query)
                                    .invoke(body -> checkSearchEcho(body, filter)));
        } else if (route instanceof CdrRoute.PartnerCustomer p) {
            return new ListCall("partner.customer-cdrs", CallListEndpoint.PARTNER_CUSTOMER_CDRS,
                    () -> partner.listCustomerCdrs(p.partner().authId(), p.partner().authToken(), p.customerId(), query));
        }
        CdrRoute.PartnerGlobal g = (CdrRoute.PartnerGlobal) route;
        return new ListCall("partner.cdrs", CallListEndpoint.PARTNER_CDRS,
                () -> partner.listCdrs(g.partner().authId(), g.partner().authToken(), query));
    }

    /**
     * Closed date ranges (ending before today, UTC) change rarely and are cached long; anything that can still
     * grow (ranges including today, no range, the partner-wide log) briefly.
     */
    private CacheClass cacheClassOf(CdrRoute route, CallCriteria filter) {
        boolean closed = filter.toDate() != null && filter.toDate().isBefore(LocalDate.now(clock));
        return closed && !(route instanceof CdrRoute.PartnerGlobal) ? CacheClass.CLOSED : CacheClass.OPEN;
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
    public Uni<List<Call>> recentCalls(CdrRoute route, int limit) {
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
    public Uni<List<Call>> pollRecentCalls(CdrRoute route, int limit, String tenant) {
        if (route instanceof CdrRoute.Account) {
            return executor.readFresh(accountRecentRead(route, limit));
        }
        return executor.readFresh(listCallsRead(route, CallCriteria.NONE, 1, limit, CacheClass.OPEN))
                .map(CallPage::rows);
    }

    private UpstreamRead<List<Call>> accountRecentRead(CdrRoute route, int limit) {
        VobizCredentials c = ((CdrRoute.Account) route).credentials();
        return readOf(route, "account.recent", CacheClass.OPEN, Map.of("limit", Integer.toString(limit)),
                () -> account.recent(c.authId(), c.authToken(), c.authId(), limit)
                        .map(body -> VobizMapper.toCallPage(body, route.customerId(), thresholds).rows())
                        .map(rows -> rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows));
    }

    /** One call by uuid; empty when Vobiz does not know it for this route's customer. */
    public Uni<Optional<Call>> getCall(CdrRoute route, String uuid) {
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
        // A completed call never changes: cached long. Not found stays a failure, so it is never cached.
        return read(route, endpoint, CacheClass.CLOSED, Map.of("uuid", uuid),
                () -> call.get().map(body -> {
                    if (body.cdr() == null || body.cdr().uuid() == null) {
                        throw new UpstreamNotFoundException();
                    }
                    return VobizMapper.toCall(body.cdr(), route.customerId(), thresholds);
                }))
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
    }

    /** Whether a failure is Vobiz's 404. */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof UpstreamNotFoundException;
    }

    /**
     * The record inside a customer answer (bare or in the {@code {success, data}} envelope, see
     * {@link VobizAccountRecord}); any other shape, or a record without its {@code auth_id}, breaks the contract.
     */
    private static VobizAccount requireAccount(VobizAccountRecord body) {
        VobizAccount account = body == null ? null : body.account();
        if (account == null || account.authId() == null || account.authId().isBlank()) {
            LOG.warn("Vobiz partner API answered a customer record in an unknown shape (no auth_id); not retried");
            throw UpstreamErrors.invalidResponse("partner");
        }
        return account;
    }

    /** The record, with the customer's own credentials (when it carries a token) held for the partner's tenant. */
    private static CustomerRecord toRecord(VobizAccount a, String requestedId, VobizCredentials partner) {
        Optional<VobizCredentials> own = Optional.ofNullable(a.authToken())
                .map(String::strip)
                .filter(t -> !t.isEmpty() && !t.startsWith("<"))
                .map(t -> new VobizCredentials(a.authId() != null ? a.authId() : requestedId, t, partner.tenant()));
        return new CustomerRecord(VobizMapper.toCustomer(a), own);
    }

    /**
     * Query parameters per endpoint family. Each filter goes under the name its endpoint documents; filters only
     * newer or older docs list are sent as pass-through (docs/vobiz-contract.md#documented-and-pass-through-filters) and, on
     * search, checked against the
     * echo.
     */
    private static Map<String, String> queryFor(CdrRoute route, CallCriteria f) {
        Map<String, String> q = new LinkedHashMap<>();
        if (f.fromDate() != null) {
            q.put("start_date", f.fromDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
            q.put("end_date", f.toDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        if (f.direction() != null) {
            q.put("call_direction", f.direction().wireValue());
        }
        if (f.minDurationSeconds() != null) {
            q.put("min_duration", f.minDurationSeconds().toString());
        }
        if (f.maxDurationSeconds() != null) {
            q.put("max_duration", f.maxDurationSeconds().toString());
        }
        if (f.hangupCause() != null) {
            q.put("hangup_cause", f.hangupCause().name());
        }
        if (f.callerNumber() != null) {
            q.put("from_number", f.callerNumber());
        }
        if (f.calleeNumber() != null) {
            q.put("to_number", f.calleeNumber());
        }
        if (f.status() != null && !(route instanceof CdrRoute.Account)) {
            q.put("status", f.status().wireValue());
        }
        return q;
    }

    /** Logs a contract violation when the search echo shows a filter Vobiz did not apply (numbers never logged). */
    private static void checkSearchEcho(VobizCdrPage body, CallCriteria filter) {
        VobizSearchEcho echo = body.searchEcho();
        if (echo == null) {
            return;
        }
        if (filter.direction() != null && !filter.direction().wireValue().equalsIgnoreCase(nullToEmpty(echo.callDirection()))) {
            LOG.warn("Vobiz search did not echo the call_direction filter; results may be unfiltered");
        }
        if (filter.hangupCause() != null && !filter.hangupCause().name().equalsIgnoreCase(nullToEmpty(echo.hangupCause()))) {
            LOG.warn("Vobiz search did not echo the hangup_cause filter; results may be unfiltered");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
