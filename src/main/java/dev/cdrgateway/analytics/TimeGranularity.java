package dev.cdrgateway.analytics;

import org.eclipse.microprofile.graphql.Description;

/** How wide each bucket of a time series is. All buckets are in UTC. */
@Description("How wide each bucket of a time series is, in UTC.")
public enum TimeGranularity {
    @Description("One bucket per UTC hour. Needs the calls themselves (Vobiz filters by whole days only): allowed over "
            + "at most gateway.analytics.hourly-max-days days (default 2) holding at most "
            + "gateway.analytics.hourly-max-calls calls (default 5000).")
    HOUR,
    @Description("One bucket per UTC calendar day.")
    DAY,
    @Description("One bucket per ISO week (Monday to Sunday, UTC).")
    WEEK,
    @Description("One bucket per calendar month (UTC).")
    MONTH
}
