package dev.cdrgateway.insights;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallSummary;

import java.util.List;

/**
 * The newest calls of a filtered set, read up to a bound.
 *
 * @param rows    the calls read, newest first (at most the bound)
 * @param total   calls in the whole filtered set, as upstream counts them
 * @param summary upstream's summary of the whole set (from the first page)
 */
record CallScan(List<Call> rows, long total, CallSummary summary) {

    /** Whether every call of the set was read. */
    boolean complete() {
        return rows.size() >= total;
    }
}
