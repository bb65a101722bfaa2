package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/** Customers ranked by a metric over a date range. */
@Description("The partner's customers ranked by a metric over a date range. Partial results are data, not errors: "
        + "customers whose calls could not be read are listed in `failures` and left out of the ranking, and "
        + "`complete` is false. The field itself fails only when the customer list cannot be read or no customer "
        + "could be read at all.")
public record Leaderboard(
        @NonNull @Description("What the customers are ranked by.") LeaderboardMetric metric,
        @NonNull @Description("Which end comes first.") RankOrder order,
        @NonNull @Description("First day of the range (UTC, inclusive).") LocalDate fromDate,
        @NonNull @Description("Last day of the range (UTC, inclusive).") LocalDate toDate,
        @Description("Only customers billed in this currency were considered; null when not restricted.") String currency,
        @NonNull @Description("The top entries, first = rank 1.") List<@NonNull LeaderboardEntry> entries,
        @NonNull @Description("Customers the partner has (as the customer list reports).") int totalCustomers,
        @NonNull @Description("Customers whose calls were read (after the currency restriction and the "
                + "gateway.insights.leaderboard.max-customers bound), including failed ones.") int consideredCustomers,
        @NonNull @Description("Customers with a value for the metric (before cutting to `top`).") int rankedCustomers,
        @NonNull @Description("True when the partner has more customers than the gateway considers "
                + "(gateway.insights.leaderboard.max-customers, default 500, in the customer list's order).")
        boolean truncated,
        @NonNull @Description("Customers that could not be read; empty when all were.")
        List<@NonNull LeaderboardFailure> failures,
        @NonNull @Description("True when every customer was considered and read, and no entry is sampled.")
        boolean complete) {
}
