package dev.cdrgateway.cdr;

import dev.cdrgateway.graphql.PagedResult;
import dev.cdrgateway.summary.CallSummary;

import java.util.List;

/** One upstream page of calls, with the size and summary of the whole filtered set it belongs to. */
public record CallPage(List<Call> rows, long total, CallSummary summary) implements PagedResult<Call> {
}
