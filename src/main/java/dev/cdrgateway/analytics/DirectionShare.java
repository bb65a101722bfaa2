package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The calls of one direction within a filtered set. */
@Description("The calls of one direction within the filtered set.")
public record DirectionShare(
        @NonNull @Description("The direction.") CallDirection direction,
        @NonNull @Description("Number of calls.") int calls,
        @NonNull @Description("calls / totalCalls in percent (0-100), one decimal, like answerRate; 0 for an empty set.")
        double share,
        @Description("What these calls cost (Vobiz summary total_cost).") Money totalCost) {
}
