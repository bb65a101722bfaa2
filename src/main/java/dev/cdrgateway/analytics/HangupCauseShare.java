package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The calls of one hangup cause within a filtered set. */
@Description("The calls that ended with one hangup cause within the filtered set.")
public record HangupCauseShare(
        @NonNull @Description("The cause. UNKNOWN counts the calls no documented cause accounts for (total minus the "
                + "documented causes' counts).") HangupCause cause,
        @NonNull @Description("The cause's plain-English meaning from the Vobiz hangup table.") String meaning,
        @NonNull @Description("Number of calls.") int calls,
        @NonNull @Description("calls / totalCalls in percent (0-100), one decimal, like answerRate; 0 for an empty set.")
        double share,
        @Description("What these calls cost (Vobiz summary total_cost).") Money totalCost) {
}
