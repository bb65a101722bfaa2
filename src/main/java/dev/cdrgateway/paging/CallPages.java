package dev.cdrgateway.paging;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.port.CallPage;

import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets a summary reuse any page of its filtered set already requested in this GraphQL request (every Vobiz
 * list envelope carries the summary of the whole set): {@code calls { summary }} plus {@code callSummary} on
 * the same filter cost one upstream call. (That the same page is read only once per request is the
 * executor's job, see {@code RequestScope#once}.)
 */
@RequestScoped
public class CallPages {

    private final CallSource calls;
    private final Map<String, Uni<CallPage>> anyPageOfSet = new LinkedHashMap<>();

    CallPages(CallSource calls) {
        this.calls = calls;
    }

    /** Page {@code page} (1-based) of size {@code perPage} of the set; remembered as a source of its summary. */
    public synchronized Uni<CallPage> page(CallScope scope, CallCriteria filter, int page, int perPage) {
        Uni<CallPage> result = calls.listCalls(scope, filter, page, perPage);
        anyPageOfSet.putIfAbsent(setKey(scope, filter), result);
        return result;
    }

    /** Any page of the set already requested in this request, else its first page. */
    public synchronized Uni<CallPage> anyPage(CallScope scope, CallCriteria filter) {
        Uni<CallPage> known = anyPageOfSet.get(setKey(scope, filter));
        return known != null ? known : page(scope, filter, 1, Paginator.PROBE_PAGE_SIZE);
    }

    private static String setKey(CallScope scope, CallCriteria filter) {
        return scope.identity() + "|" + filter.canonical();
    }
}
