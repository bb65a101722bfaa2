package dev.cdrgateway.domain;

import dev.cdrgateway.domain.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What a call cost, in the customer's account currency. */
@Description("What a call cost, in the customer's account currency.")
public record CallBilling(
        @NonNull @Description("Billable (talk) seconds; 0 when unanswered.") int billableSeconds,
        @Description("Cost of the call leg.") Money cost,
        @Description("Media streaming cost; zero when streaming was not used.") Money streamingCost,
        @Description("cost + streamingCost: what the customer is charged.") Money totalCost) {
}
