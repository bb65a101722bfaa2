package dev.cdrgateway.export;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.vobiz.CdrRoute;
import dev.cdrgateway.vobiz.CdrRouter;
import dev.cdrgateway.vobiz.VobizClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of an export, as a stream of batches read from upstream one after another, never all at once:
 * <ul>
 *   <li>a customer whose own credentials are known ({@link CdrRouter} picks the account API): the account API's
 *       CSV export, one streamed request;</li>
 *   <li>otherwise (partner per-customer route, the partner-wide log, or filters only the partner API takes):
 *       the list endpoint page by page ({@code per_page=100}), sequentially, each page emitted as it arrives.</li>
 * </ul>
 * The returned {@code Uni} completes when the first upstream answer is in (so every refusal and upstream error
 * up to there can still become a proper HTTP error); the {@code Multi} then carries the rest with back-pressure
 * (the next page is requested only when the client has taken the previous one). Nothing is cached.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final CdrRouter router;
    private final VobizClient vobiz;
    private final ExportConfig config;

    ExportService(CdrRouter router, VobizClient vobiz, ExportConfig config) {
        this.router = router;
        this.vobiz = vobiz;
        this.config = config;
    }

    /** Opens the export of an already validated, access-checked request. */
    Uni<Multi<List<Call>>> open(Caller caller, ExportRequest request) {
        String tenant = caller.tenant().value();
        if (request.partnerWide()) {
            return Uni.createFrom().deferred(() -> pages(router.global(caller.tenant()), request.filter(), tenant));
        }
        String customerId = request.customerId();
        return Uni.createFrom().deferred(() -> router.forCustomer(caller.tenant(), customerId, request.filter()))
                .flatMap(route -> route instanceof CdrRoute.Account account && config.useAccountExport()
                        ? vobiz.exportCalls(account, request.filter(), tenant)
                        : pages(route, request.filter(), tenant))
                .onFailure(VobizClient::isNotFound).transform(f -> CdrRouter.NotFound.customer(customerId))
                .map(rows -> rows.map(batch -> ownedBy(customerId, batch)));
    }

    /**
     * Pages through a list endpoint while the set (as of the latest page's total) has more rows, reading one page
     * ahead: page n+1 is requested as soon as page n arrives, so the upstream round trip overlaps with writing
     * page n, and the next one only when the client has taken page n (at most two pages in memory). Rows that
     * moved across a page boundary because new calls arrived meanwhile (the lists are newest first) are dropped by
     * uuid against the previous page only, which keeps memory constant.
     */
    private Uni<Multi<List<Call>>> pages(CdrRoute route, CallCriteria filter, String tenant) {
        int size = Math.max(1, Math.min(100, config.pageSize()));
        return page(route, filter, 1, size, tenant).map(first -> {
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
            Uni<Numbered> started = page(route, filter, number, size, tenant)
                    .map(page -> new Numbered(number, page))
                    .memoize().indefinitely();
            // Subscribed now so it runs while the previous page is written; its outcome is read by next().
            started.subscribe().with(ignored -> { }, ignored -> { });
            return started;
        }
    }

    private Uni<CallPage> page(CdrRoute route, CallCriteria filter, int page, int size, String tenant) {
        return vobiz.exportPage(route, filter, page, size, tenant)
                .onFailure(VobizClient::isNotFound).transform(f -> CdrRouter.NotFound.customer(route.customerId()));
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

    /** A customer's export never carries another customer's row, whatever upstream sends (logged, dropped). */
    private static List<Call> ownedBy(String customerId, List<Call> batch) {
        if (batch.stream().allMatch(call -> customerId.equals(call.customerId()))) {
            return batch;
        }
        LOG.warn("Vobiz returned calls of another customer in a customer's export; dropped");
        return batch.stream().filter(call -> customerId.equals(call.customerId())).toList();
    }
}
