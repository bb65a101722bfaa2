package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallSummary;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One bucket of a time series with the summary of its calls. */
@Description("One bucket of a time series: its time span (UTC) and the summary of the calls that started in it.")
public record CallTimeBucket(
        @NonNull @Description("Start of the bucket (inclusive). For a partial first bucket, the range's start, not the "
                + "start of the week or month.") OffsetDateTime start,
        @NonNull @Description("End of the bucket (exclusive). For a partial last bucket, the end of the range's last "
                + "day, not the end of the week or month.") OffsetDateTime end,
        @NonNull @Description("First UTC day the bucket covers (inclusive).") LocalDate fromDate,
        @NonNull @Description("Last UTC day the bucket covers (inclusive); equals fromDate for DAY and HOUR buckets.")
        LocalDate toDate,
        @NonNull @Description("True when the bucket was clipped to the range: a WEEK or MONTH bucket at either end "
                + "that covers only part of its week or month.") boolean partial,
        @NonNull @Description("Billable seconds / 60, two decimals.") BigDecimal billableMinutes,
        @NonNull @Description("Totals over the bucket's calls (with the series' filter applied).") CallSummary summary) {

    static CallTimeBucket of(SeriesPlan.Bucket bucket, CallSummary summary) {
        return new CallTimeBucket(bucket.start(), bucket.end(), bucket.firstDay(), bucket.lastDay(), bucket.partial(),
                BigDecimal.valueOf(summary.billableSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                summary);
    }
}
