package dev.cdrgateway.analytics;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.error.BadUserInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bucket planning without I/O: ISO weeks across a year end, clipped months, limits. */
class SeriesPlanTest {

    private static final AnalyticsConfig LIMITS = new AnalyticsConfig() {
        public int maxBuckets() { return 366; }
        public int concurrency() { return 8; }
        public int hourlyMaxDays() { return 2; }
        public int hourlyMaxCalls() { return 5000; }
    };

    @Test
    void isoWeeksStartOnMondayAcrossTheYearEnd() {
        // 2026-12-31 is a Thursday; ISO week 53 of 2026 runs Mon 2026-12-28 to Sun 2027-01-03.
        List<SeriesPlan.Bucket> weeks = plan(TimeGranularity.WEEK, "2026-12-24", "2027-01-05").buckets();
        assertEquals(List.of("2026-12-24..2026-12-27 partial", "2026-12-28..2027-01-03", "2027-01-04..2027-01-05 partial"),
                weeks.stream().map(SeriesPlanTest::describe).toList());
        assertEquals("2026-12-28T00:00Z", weeks.get(1).start().toString());
        assertEquals("2027-01-04T00:00Z", weeks.get(1).end().toString());
    }

    @Test
    void monthsAreCalendarMonthsAndALeapFebruaryIsWhole() {
        assertEquals(List.of("2028-01-31..2028-01-31 partial", "2028-02-01..2028-02-29", "2028-03-01..2028-03-01 partial"),
                plan(TimeGranularity.MONTH, "2028-01-31", "2028-03-01").buckets().stream()
                        .map(SeriesPlanTest::describe).toList());
    }

    @Test
    void limitsAreCountedBeforeBucketsAreListed() {
        assertEquals(366, SeriesPlan.bucketCount(TimeGranularity.DAY, LocalDate.parse("2028-01-01"),
                LocalDate.parse("2028-12-31")));
        assertEquals(366, plan(TimeGranularity.DAY, "2028-01-01", "2028-12-31").buckets().size());
        assertThrows(BadUserInputException.class, () -> plan(TimeGranularity.DAY, "2027-01-01", "2028-01-02"));
        assertEquals(48, plan(TimeGranularity.HOUR, "2026-03-24", "2026-03-25").buckets().size());
        assertThrows(BadUserInputException.class, () -> plan(TimeGranularity.HOUR, "2026-03-24", "2026-03-26"));
    }

    private static SeriesPlan plan(TimeGranularity granularity, String from, String to) {
        return SeriesPlan.of(granularity, LocalDate.parse(from), LocalDate.parse(to), CallCriteria.NONE, LIMITS);
    }

    private static String describe(SeriesPlan.Bucket b) {
        return b.firstDay() + ".." + b.lastDay() + (b.partial() ? " partial" : "");
    }
}
