package dev.cdrgateway.calls;

import dev.cdrgateway.domain.AppliedFilter;

import dev.cdrgateway.paging.PageInfo;
import dev.cdrgateway.domain.CallSummary;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A Relay connection over calls, newest first, with totals of the whole filtered set. */
@Description("A page of calls (newest first) out of a filtered set, Relay style, with the set's size and summary.")
public record CallConnection(
        @NonNull @Description("The calls of this page with their cursors.") List<@NonNull CallEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of calls in the whole filtered set.") int totalCount,
        @NonNull @Description("Totals over the whole filtered set, from the same upstream response as the page.")
        CallSummary summary,
        @Description("The filter the upstream actually applied to the set (its echo where it has one, else what the "
                + "gateway sent), with the requested criteria it does not guarantee or did not apply. Null only for "
                + "connections not read from one upstream filtered set.")
        AppliedFilter appliedFilter) {
}
