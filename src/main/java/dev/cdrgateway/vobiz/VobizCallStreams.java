package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.QualityThresholds;
import dev.cdrgateway.domain.error.UpstreamUnavailableException;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.resilience.UpstreamPipeline;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Every call of a filtered set as a stream of batches read one after another, never all at once, never cached
 * (exports):
 * <ul>
 *   <li>a customer whose own credentials are known (the router picked the account API): the account API's CSV
 *       export, one streamed request ({@code gateway.export.use-account-export});</li>
 *   <li>otherwise (partner per-customer route, the partner-wide log, or filters only the partner API takes):
 *       the list endpoint page by page ({@code gateway.export.page-size}), sequentially, each page emitted as it
 *       arrives.</li>
 * </ul>
 * The returned {@code Uni} completes when the first upstream answer is in; the {@code Multi} then carries the
 * rest with back-pressure (the next page is requested only when the consumer has taken the previous one).
 */
@ApplicationScoped
class VobizCallStreams {

    private static final Logger LOG = Logger.getLogger(VobizCallStreams.class);

    private final VobizClient vobiz;
    private final VobizCsvExport csvExport;
    private final UpstreamPipeline executor;
    private final VobizApi accountApi;
    private final VobizExportConfig config;
    private final QualityThresholds thresholds;

    VobizCallStreams(VobizClient vobiz, VobizCsvExport csvExport, UpstreamPipeline executor, VobizGuard guard,
                     VobizExportConfig config, QualityThresholds thresholds) {
        this.accountApi = VobizApi.account(guard);
        this.vobiz = vobiz;
        this.csvExport = csvExport;
        this.executor = executor;
        this.config = config;
        this.thresholds = thresholds;
    }

    /**
     * The calls of the set, from the account CSV export where the route and settings allow it, else paged.
     *
     * @param tenant the caller's tenant (its upstream concurrency lane)
     */
    Uni<Multi<List<Call>>> stream(CdrRoute route, CallCriteria filter, String tenant) {
        return route instanceof CdrRoute.Account account && config.useAccountExport()
                ? exportCalls(account, filter, tenant)
                : pages(route, filter, tenant);
    }

    /**
     * Streams a customer's calls from the account API's CSV export ({@code /cdr/export}: one request, no paging,
     * nothing cached). The {@code Uni} completes once Vobiz answered 2xx (guarded like every call: limiter,
     * retries, breaker, timeout until the headers); the {@code Multi} then emits the rows of each received chunk
     * (possibly none) as they arrive, with back-pressure down to the upstream socket. The vendor's header row
     * decides which column is which (order and extra columns do not matter). A failure after the headers fails
     * the {@code Multi}: the caller must treat what it got so far as incomplete.
     */
    private Uni<Multi<List<Call>>> exportCalls(CdrRoute.Account route, CallCriteria filter, String tenant) {
        Map<String, String> query = VobizFilterContract.query(filter, true);
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

    /**
     * Pages through a list endpoint while the set (as of the latest page's total) has more rows, reading one page
     * ahead: page n+1 is requested as soon as page n arrives, so the upstream round trip overlaps with writing
     * page n, and the next one only when the consumer has taken page n (at most two pages in memory). Rows that
     * moved across a page boundary because new calls arrived meanwhile (the lists are newest first) are dropped by
     * uuid against the previous page only, which keeps memory constant.
     */
    private Uni<Multi<List<Call>>> pages(CdrRoute route, CallCriteria filter, String tenant) {
        int size = Math.max(1, Math.min(100, config.pageSize()));
        return vobiz.exportPage(route, filter, 1, size, tenant).map(first -> {
            Multi<List<Call>> rest = Multi.createFrom().empty();
            if (hasMore(1, size, first)) {
                rest = Multi.createBy().repeating()
                        .uni(() -> new ReadAhead(route, filter, size, tenant),
                                ahead -> ahead.next().invoke(ahead::arrived))
                        .whilst(numbered -> hasMore(numbered.number(), size, numbered.page()))
                        .map(numbered -> numbered.page().rows());
            }
            Set<String> previous = new HashSet<>();
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(first.rows()), rest)
                    .map(rows -> withoutRepeats(rows, previous));
        });
    }

    /** A page and its 1-based number. */
    private record Numbered(int number, CallPage page) {
    }

    /** The page after the one being written, already on its way (started when that one arrived). */
    private final class ReadAhead {
        private final CdrRoute route;
        private final CallCriteria filter;
        private final int size;
        private final String tenant;
        private Uni<Numbered> next;

        ReadAhead(CdrRoute route, CallCriteria filter, int size, String tenant) {
            this.route = route;
            this.filter = filter;
            this.size = size;
            this.tenant = tenant;
            this.next = start(2);
        }

        Uni<Numbered> next() {
            return next;
        }

        void arrived(Numbered page) {
            if (hasMore(page.number(), size, page.page())) {
                next = start(page.number() + 1);
            }
        }

        private Uni<Numbered> start(int number) {
            Uni<Numbered> started = vobiz.exportPage(route, filter, number, size, tenant)
                    .map(page -> new Numbered(number, page))
                    .memoize().indefinitely();
            // Subscribed now so it runs while the previous page is written; its outcome is read by next().
            started.subscribe().with(ignored -> { }, ignored -> { });
            return started;
        }
    }

    private static boolean hasMore(int page, int size, CallPage fetched) {
        return !fetched.rows().isEmpty() && (long) page * size < fetched.total();
    }

    private static List<Call> withoutRepeats(List<Call> rows, Set<String> previousPage) {
        List<Call> fresh = new ArrayList<>(rows.size());
        for (Call call : rows) {
            if (!previousPage.contains(call.uuid())) {
                fresh.add(call);
            }
        }
        previousPage.clear();
        rows.forEach(call -> previousPage.add(call.uuid()));
        return fresh;
    }
}
