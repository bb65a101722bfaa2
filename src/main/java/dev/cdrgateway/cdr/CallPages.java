package dev.cdrgateway.cdr;

import dev.cdrgateway.graphql.Paginator;
import dev.cdrgateway.upstream.CdrRoute;
import dev.cdrgateway.upstream.VobizClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream call pages shared within one GraphQL request: the same page of the same filtered set is fetched
 * once however many fields need it, and a summary reuses any page of its set (every Vobiz list envelope carries
 * the summary of the whole set). This is what keeps {@code calls { summary }} plus {@code callSummary} on the
 * same filter at one upstream call.
 */
@RequestScoped
public class CallPages {

    private final VobizClient vobiz;
    private final Map<String, Uni<CallPage>> pages = new LinkedHashMap<>();
    private final Map<String, Uni<CallPage>> anyPageOfSet = new LinkedHashMap<>();

    CallPages(VobizClient vobiz) {
        this.vobiz = vobiz;
    }

    /** Page {@code page} (1-based) of size {@code perPage} of the set, fetched at most once per request. */
    public synchronized Uni<CallPage> page(CdrRoute route, CdrFilter filter, int page, int perPage) {
        String set = setKey(route, filter);
        Uni<CallPage> result = pages.computeIfAbsent(set + "#" + page + "/" + perPage,
                k -> vobiz.listCalls(route, filter, page, perPage).memoize().indefinitely());
        anyPageOfSet.putIfAbsent(set, result);
        return result;
    }

    /** Any page of the set already requested in this request, else its first page. */
    public synchronized Uni<CallPage> anyPage(CdrRoute route, CdrFilter filter) {
        Uni<CallPage> known = anyPageOfSet.get(setKey(route, filter));
        return known != null ? known : page(route, filter, 1, Paginator.PROBE_PAGE_SIZE);
    }

    private static String setKey(CdrRoute route, CdrFilter filter) {
        return route.identity() + "|" + filter.canonical();
    }
}
