package dev.cdrgateway.analytics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/** A call summary per time bucket over a date range. */
@Description("The call summary per time bucket over a date range, oldest bucket first. Times are UTC.")
public record CallTimeSeries(
        @NonNull @Description("Width of each bucket.") TimeGranularity granularity,
        @NonNull @Description("First day of the range (UTC, inclusive).") LocalDate fromDate,
        @NonNull @Description("Last day of the range (UTC, inclusive).") LocalDate toDate,
        @NonNull @Description("Time zone of the buckets: always UTC.") String timeZone,
        @NonNull @Description("One entry per bucket, oldest first, empty buckets included (with zero calls).")
        List<@NonNull CallTimeBucket> buckets) {
}
