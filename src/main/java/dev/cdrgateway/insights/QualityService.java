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
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
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

    private final CallSource source;
    private final CallScanner scanner;
    private final Cursors cursors;
    private final InsightsConfig.Quality config;
    private final QualityThresholds thresholds;
    private final PagingConfig.Paging paging;
    private final Clock clock;

    QualityService(CallSource source, CallScanner scanner, Cursors cursors, InsightsConfig config, PagingConfig paging,
                   QualityThresholds thresholds,
                   Clock clock) {
        this.clock = clock;
        this.thresholds = thresholds;
        this.source = source;
        this.scanner = scanner;
        this.cursors = cursors;
        this.config = config.quality();
        this.paging = paging.paging();
    }

    /** Quality of one customer's filtered calls. */
    public Uni<CallQualityReport> customerReport(Caller caller, String customerId, CallFilter input) {
        CustomerIds.requireValid(customerId, "customerId");
        CallCriteria filter = CallFilter.normalised(input, LocalDate.now(clock));
        AccessPolicy.requireVisible(caller, customerId);
        return source.knownCustomer(caller.tenant(), customerId, filter)
                .flatMap(scope -> report(scope, filter))
                .onFailure(UpstreamNotFoundException.class).transform(f -> AccessPolicy.notFoundCustomer(customerId));
    }

    /** Quality of the partner-wide filtered call log (partner roles only). */
    public Uni<CallQualityReport> globalReport(Caller caller, CallFilter input) {
        CallCriteria filter = CallFilter.normalised(input, LocalDate.now(clock));
        AccessPolicy.requirePartner(caller, "callQuality");
        return report(source.partnerWide(caller.tenant()), filter);
    }

    private Uni<CallQualityReport> report(CallScope scope, CallCriteria filter) {
        return scanner.scan(scope, filter, config.maxCalls())
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
