package dev.cdrgateway.analytics;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many times an analytics field repeats its selection, for the query cost limit: a time series has one
 * bucket per period of its range, a split one row per value. Unreadable arguments count once (argument validation
 * refuses them before anything runs).
 */
public final class AnalyticsCost {

    private AnalyticsCost() {
    }

    /** The repetition of field {@code name} with these (coerced) arguments, or empty when it is not an analytics list. */
    public static OptionalLong multiplier(String name, Map<String, Object> args) {
        return switch (name) {
            case "callTimeSeries" -> OptionalLong.of(Math.max(1, buckets(args)));
            case "byDirection" -> OptionalLong.of(2);
            case "byStatus" -> OptionalLong.of(4);
            case "byHangupCause" -> OptionalLong.of(17);
            default -> OptionalLong.empty();
        };
    }

    private static long buckets(Map<String, Object> args) {
        try {
            TimeGranularity granularity = TimeGranularity.valueOf(String.valueOf(args.get("granularity")));
            LocalDate from = LocalDate.parse(String.valueOf(args.get("fromDate")));
            LocalDate to = LocalDate.parse(String.valueOf(args.get("toDate")));
            return SeriesPlan.bucketCount(granularity, from, to);
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
