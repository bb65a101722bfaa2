package dev.cdrgateway.insights;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.paging.CallPages;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.paging.Paginator;
import dev.cdrgateway.domain.port.CallScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the newest calls of a filtered set up to a bound, through {@link CallPages} (so pages are shared with the
 * rest of the GraphQL request and cached by the executor): the first page tells the set's size, the remaining
 * pages up to the bound are then read concurrently (at most bound / 100 of them, and the per-tenant upstream
 * limit applies). Quality data exists only per call, so quality figures need this scan; summaries do not.
 */
@ApplicationScoped
class CallScanner {

    private final CallPages pages;

    CallScanner(CallPages pages) {
        this.pages = pages;
    }

    /** At most {@code maxCalls} (at least 1) newest calls of the set. */
    Uni<CallScan> scan(CallScope route, CallCriteria filter, int maxCalls) {
        int pageSize = Math.min(Paginator.MAX_UPSTREAM_PAGE_SIZE, Math.max(1, maxCalls));
        return pages.page(route, filter, 1, pageSize).flatMap(first -> {
            long wanted = Math.min(first.total(), maxCalls);
            int pageCount = (int) ((wanted + pageSize - 1) / pageSize);
            if (pageCount <= 1) {
                return Uni.createFrom().item(result(List.of(first), wanted));
            }
            List<Uni<CallPage>> rest = new ArrayList<>();
            for (int page = 2; page <= pageCount; page++) {
                rest.add(pages.page(route, filter, page, pageSize));
            }
            return Uni.join().all(rest).andFailFast().map(more -> {
                List<CallPage> all = new ArrayList<>(more.size() + 1);
                all.add(first);
                all.addAll(more);
                return result(all, wanted);
            });
        });
    }

    private static CallScan result(List<CallPage> pages, long wanted) {
        List<Call> rows = new ArrayList<>();
        for (CallPage page : pages) {
            for (Call call : page.rows()) {
                if (rows.size() < wanted) {
                    rows.add(call);
                }
            }
        }
        CallPage first = pages.get(0);
        return new CallScan(List.copyOf(rows), first.total(), first.summary());
    }
}
