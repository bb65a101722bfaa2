package dev.cdrgateway.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filtered set split by outcome. */
@Description("The filtered set split by outcome: one exact summary per status from the partner API's `status` "
        + "filter (4 upstream calls plus the set's total, all on the partner API).")
public record CallsByStatus(
        @NonNull @Description("Calls in the whole filtered set (the denominator of every share).") int totalCalls,
        @NonNull @Description("True when the rows add up to totalCalls (every call has exactly one status); false means "
                + "the upstream did not apply the status filter as documented, so the rows are not reliable.")
        boolean consistent,
        @NonNull @Description("ANSWERED, FAILED, BUSY, NO_ANSWER, zero rows included.") List<@NonNull StatusShare> rows) {
}
