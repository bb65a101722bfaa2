package dev.cdrgateway.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A filtered set split by hangup cause. */
@Description("The filtered set split by hangup cause: one exact summary per documented cause from the partner API's "
        + "`hangup_cause` filter (16 upstream calls plus the set's total, all on the partner API); UNKNOWN is the rest.")
public record CallsByHangupCause(
        @NonNull @Description("Calls in the whole filtered set (the denominator of every share).") int totalCalls,
        @NonNull @Description("True when the documented causes' counts do not exceed totalCalls; false means the "
                + "upstream did not apply the hangup_cause filter as documented, so the rows are not reliable.")
        boolean consistent,
        @NonNull @Description("Causes with at least one call, most calls first.")
        List<@NonNull HangupCauseShare> rows) {
}
