package dev.cdrgateway.insights;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.domain.Call;
import dev.cdrgateway.calls.CallEdge;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.paging.Cursors;
import dev.cdrgateway.paging.PageInfo;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.vobiz.CdrRoute;
import dev.cdrgateway.vobiz.CdrRouter;
import dev.cdrgateway.vobiz.VobizClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Call quality reports of one customer or of the whole partner: checks access, routes like every other call read,
 * scans the set's newest calls up to the configured bound and judges them by the configured thresholds.
 */
@ApplicationScoped
public class QualityService {

    private final CdrRouter router;
    private final CallScanner scanner;
    private final Cursors cursors;
    private final InsightsConfig.Quality config;
    private final QualityThresholds thresholds;
    private final PagingConfig.Paging paging;
    private final Clock clock;

    QualityService(CdrRouter router, CallScanner scanner, Cursors cursors, InsightsConfig config, PagingConfig paging,
                   QualityThresholds thresholds,
                   Clock clock) {
        this.clock = clock;
        this.thresholds = thresholds;
        this.router = router;
        this.scanner = scanner;
        this.cursors = cursors;
        this.config = config.quality();
        this.paging = paging.paging();
    }

    /** Quality of one customer's filtered calls. */
    public Uni<CallQualityReport> customerReport(Caller caller, String customerId, CallFilter input) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = CallFilter.normalised(input, LocalDate.now(clock));
        Access.requireVisible(caller, customerId);
        return router.forKnownCustomer(caller.tenant(), customerId, filter)
                .flatMap(route -> report(route, filter))
                .onFailure(VobizClient::isNotFound).transform(f -> CdrRouter.NotFound.customer(customerId));
    }

    /** Quality of the partner-wide filtered call log (partner roles only). */
    public Uni<CallQualityReport> globalReport(Caller caller, CallFilter input) {
        CallCriteria filter = CallFilter.normalised(input, LocalDate.now(clock));
        Access.requirePartner(caller, "callQuality");
        return report(router.global(caller.tenant()), filter);
    }

    private Uni<CallQualityReport> report(CdrRoute route, CallCriteria filter) {
        return scanner.scan(route, filter, config.maxCalls())
                .map(scan -> CallQualityReport.of(thresholds, scan, worstCallsScope(filter)));
    }

    /** One page of a report's worst calls (forward paging only; no upstream call). */
    public WorstCallConnection worstCalls(CallQualityReport report, Integer first, String after) {
        int size = InsightsFieldRules.worstCallsFirst(first, paging);
        long start = after == null ? 0 : cursors.decode(after, report.cursorScope(), "after") + 1;
        List<Call> ranked = report.worstFirst();
        List<CallEdge> edges = new ArrayList<>();
        for (long i = start; i < Math.min(ranked.size(), start + size); i++) {
            edges.add(new CallEdge(cursors.encode(i, report.cursorScope()), ranked.get((int) i)));
        }
        long end = start + edges.size();
        PageInfo info = new PageInfo(end < ranked.size(), start > 0 && !ranked.isEmpty(),
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new WorstCallConnection(edges, info, ranked.size());
    }

    /** The fingerprint {@code worstCalls} cursors are bound to: the report's filter. */
    public static String worstCallsScope(CallCriteria filter) {
        return Cursors.fingerprint("worst|" + filter.canonical());
    }
}
