package dev.cdrgateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A customer a leaderboard could not read: it is left out of the ranking. */
@Description("A customer whose calls could not be read, so it is missing from the ranking. The code is one of the "
        + "gateway's standard error codes (e.g. UPSTREAM_UNAVAILABLE).")
public record LeaderboardFailure(
        @NonNull @Id @Description("The customer's auth id.") String customerId,
        @NonNull @Description("Standard error code, as errors[].extensions.code would carry it.") String code,
        @NonNull @Description("Whether asking again later may succeed.") boolean retryable,
        @NonNull @Description("What went wrong, for people (never an upstream body or credential).") String message) {
}
