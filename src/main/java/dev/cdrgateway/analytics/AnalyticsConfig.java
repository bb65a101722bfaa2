package dev.cdrgateway.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of the analytics fields (time series, breakdowns): {@code gateway.analytics.*}. */
@ConfigMapping(prefix = "gateway.analytics")
public interface AnalyticsConfig {

    /** Most buckets one time series may have (each DAY/WEEK/MONTH bucket is one upstream summary call). */
    @WithDefault("366")
    int maxBuckets();

    /** Upstream calls one analytics field has in flight at once (bucket summaries, breakdown values, pages). */
    @WithDefault("16")
    int concurrency();

    /** Widest date range (in days, inclusive) of an HOUR series, which has to read the calls themselves. */
    @WithDefault("2")
    int hourlyMaxDays();

    /** Most calls an HOUR series may read; a range holding more is refused with BAD_USER_INPUT. */
    @WithDefault("5000")
    int hourlyMaxCalls();
}
