package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.error.BadUserInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated time series request and its buckets (UTC). DAY, WEEK (ISO: Monday to Sunday) and MONTH buckets are
 * whole days, clipped to the range (a clipped first or last bucket is {@link Bucket#partial() partial}); HOUR
 * buckets split each day of the range into 24. Built without I/O, so a bad request is refused before any upstream
 * call ({@link AnalyticsFieldRules} and the service both call {@link #of}).
 *
 * @param filter the other criteria; its date range is always unset (the series' range replaces it per bucket)
 */
public record SeriesPlan(TimeGranularity granularity, LocalDate fromDate, LocalDate toDate, CallCriteria filter,
                         List<Bucket> buckets) {

    /**
     * One bucket: the UTC days it covers (inclusive; what is sent upstream as {@code start_date}/{@code end_date})
     * and its exact instants, {@code end} exclusive.
     */
    public record Bucket(LocalDate firstDay, LocalDate lastDay, OffsetDateTime start, OffsetDateTime end,
                         boolean partial) {
    }

    /**
     * Validates and plans a series.
     *
     * @throws BadUserInputException naming the argument to fix
     */
    public static SeriesPlan of(TimeGranularity granularity, LocalDate from, LocalDate to, CallCriteria filter,
                                AnalyticsConfig config) {
        if (granularity == null || from == null || to == null) {
            throw new BadUserInputException("`granularity`, `fromDate` and `toDate` are required");
        }
        CallFilter.requireCalendarDate(from, "fromDate");
        CallFilter.requireCalendarDate(to, "toDate");
        if (to.isBefore(from)) {
            throw new BadUserInputException("`toDate` (" + to + ") is before `fromDate` (" + from + "); swap them");
        }
        if (filter.fromDate() != null) {
            throw new BadUserInputException("Give the series' range as `fromDate`/`toDate`, not inside `filter`; "
                    + "remove filter.fromDate/filter.toDate");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (granularity == TimeGranularity.HOUR && days > config.hourlyMaxDays()) {
            throw new BadUserInputException("HOUR buckets need the calls themselves, so the range may span at most "
                    + config.hourlyMaxDays() + " days, got " + days + "; use DAY or a shorter range");
        }
        long count = bucketCount(granularity, from, to);
        if (count > config.maxBuckets()) {
            throw new BadUserInputException("The series would have " + count + " " + granularity + " buckets, more "
                    + "than the " + config.maxBuckets() + " allowed; use a wider granularity or a shorter range");
        }
        return new SeriesPlan(granularity, from, to, filter, buckets(granularity, from, to));
    }

    /** Number of buckets, computed without listing them (also used to price the field before it runs). */
    public static long bucketCount(TimeGranularity granularity, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        return switch (granularity) {
            case HOUR -> (ChronoUnit.DAYS.between(from, to) + 1) * 24;
            case DAY -> ChronoUnit.DAYS.between(from, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(monday(from), monday(to)) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        };
    }

    private static List<Bucket> buckets(TimeGranularity granularity, LocalDate from, LocalDate to) {
        List<Bucket> buckets = new ArrayList<>();
        if (granularity == TimeGranularity.HOUR) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                OffsetDateTime midnight = day.atStartOfDay().atOffset(ZoneOffset.UTC);
                for (int hour = 0; hour < 24; hour++) {
                    buckets.add(new Bucket(day, day, midnight.plusHours(hour), midnight.plusHours(hour + 1), false));
                }
            }
            return buckets;
        }
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate naturalStart = switch (granularity) {
                case WEEK -> monday(start);
                case MONTH -> start.withDayOfMonth(1);
                default -> start;
            };
            LocalDate naturalEnd = switch (granularity) {
                case WEEK -> naturalStart.plusDays(6);
                case MONTH -> naturalStart.with(TemporalAdjusters.lastDayOfMonth());
                default -> start;
            };
            LocalDate end = naturalEnd.isAfter(to) ? to : naturalEnd;
            boolean partial = !naturalStart.equals(start) || !naturalEnd.equals(end);
            buckets.add(new Bucket(start, end, start.atStartOfDay().atOffset(ZoneOffset.UTC),
                    end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), partial));
            start = end.plusDays(1);
        }
        return buckets;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
