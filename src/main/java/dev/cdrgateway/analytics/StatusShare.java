package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The calls of one outcome within a filtered set. */
@Description("The calls of one outcome within the filtered set.")
public record StatusShare(
        @NonNull @Description("The outcome.") CallStatus status,
        @NonNull @Description("Number of calls.") int calls,
        @NonNull @Description("calls / totalCalls in percent (0-100), one decimal, like answerRate; 0 for an empty set.")
        double share,
        @Description("What these calls cost (Vobiz summary total_cost).") Money totalCost) {
}
