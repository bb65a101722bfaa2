package dev.cdrgateway.domain;

import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/** Totals over a whole filtered set of calls (not just one page), normalised from the Vobiz summary. */
@Description("Totals over a whole filtered set of calls, not just the current page.")
public record CallSummary(
        @NonNull @Description("Number of calls in the set.") int totalCalls,
        @NonNull @Description("Calls with billable seconds > 0.") int answeredCalls,
        @NonNull @Description("answeredCalls / totalCalls in percent (0-100), one decimal; 0 for an empty set.")
        double answerRate,
        @NonNull @Description("Average total duration per call in seconds (totalDurationSeconds / totalCalls), one "
                + "decimal; 0 for an empty set.") double averageCallDurationSeconds,
        @NonNull @Description("Sum of call durations (ringing + talk) in seconds.") int totalDurationSeconds,
        @NonNull @Description("Sum of billable seconds.") int billableSeconds,
        @Description("Sum of what the calls cost. Currency is null when the set mixes currencies or is empty.")
        Money totalCost,
        @Description("Start time of the most recent call; null for an empty set.") OffsetDateTime lastCallAt) {
}
