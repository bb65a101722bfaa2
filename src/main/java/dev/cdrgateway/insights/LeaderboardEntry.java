package dev.cdrgateway.insights;

import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.CallSummary;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/** One ranked customer. */
@Description("One ranked customer of a leaderboard.")
public record LeaderboardEntry(
        @NonNull @Description("Position, 1 = first. Unique: ties are broken by customer id, ascending.") int rank,
        @NonNull @Description("The customer (from the partner's customer list; no further upstream read).")
        Customer customer,
        @NonNull @Description("The ranked value: cost amount (in the leaderboard's currency), calls, billable minutes, "
                + "answer rate or poor-quality share in percent, per the leaderboard's metric.") BigDecimal value,
        @NonNull @Description("Totals of the customer's calls over the leaderboard's filter.") CallSummary summary,
        @Description("The quality report the poor-quality share comes from; null for other metrics.")
        CallQualityReport quality,
        @NonNull @Description("True when the value comes from a sample of the customer's calls (POOR_QUALITY_SHARE "
                + "with more calls than the gateway reads per customer).") boolean sampled) {
}
