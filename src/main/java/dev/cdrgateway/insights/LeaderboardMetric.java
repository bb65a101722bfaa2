package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;

/** What a customer leaderboard ranks by. */
@Description("What a customer leaderboard ranks by.")
public enum LeaderboardMetric {
    @Description("Total cost of the calls (summary.totalCost). Needs `currency`: amounts in different currencies are "
            + "not comparable.")
    COST,
    @Description("Number of calls.")
    CALLS,
    @Description("Billable minutes (billable seconds / 60, two decimals).")
    BILLABLE_MINUTES,
    @Description("Answer rate in percent. Customers without calls in the range are not ranked.")
    ANSWER_RATE,
    @Description("Share of calls with poor quality (low MOS, high jitter or high packet loss) among the calls with "
            + "quality data, in percent. Needs each customer's calls, read up to "
            + "gateway.insights.leaderboard.max-calls-per-customer (default 200): an entry from fewer calls than the "
            + "customer made is marked sampled. Customers without quality data are not ranked.")
    POOR_QUALITY_SHARE
}
