package dev.cdrgateway.domain.port;

import dev.cdrgateway.domain.AppliedFilter;
import dev.cdrgateway.domain.Call;

import dev.cdrgateway.domain.port.PagedResult;
import dev.cdrgateway.domain.CallSummary;

import java.util.List;

/**
 * One upstream page of calls, with the size and summary of the whole filtered set it belongs to and the filter
 * the upstream applied to it ({@code null} for endpoints without filters, e.g. recent calls).
 */
public record CallPage(List<Call> rows, long total, CallSummary summary, AppliedFilter appliedFilter)
        implements PagedResult<Call> {

    /** A page whose applied filter is not known (yet). */
    public CallPage(List<Call> rows, long total, CallSummary summary) {
        this(rows, total, summary, null);
    }

    /** This page with the filter the upstream applied. */
    public CallPage withAppliedFilter(AppliedFilter applied) {
        return new CallPage(rows, total, summary, applied);
    }
}
