package dev.cdrgateway.analytics;

import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time series, breakdowns and the applied-filter echo end to end through the embedded simulator (8 customers,
 * 10 calls a day from 2026-03-16 to 2026-03-25), with the README's example documents: the parts add up to the
 * whole.
 */
@QuarkusTest
@TestProfile(SimulatedUpstreamProfile.class)
class SimulatedAnalyticsTest {

    private static final String FROM = "2026-03-16";
    private static final String TO = "2026-03-25";

    @Test
    void dailyBucketsOfACustomerAddUpToTheRangeSummary() {
        for (String customer : List.of("MA_SIM00001", "MA_SIM00004")) { // account route, and partner route
            JsonPath result = post("examples/time-series-daily", "id", customer, "from", FROM, "to", TO)
                    .body("errors", nullValue())
                    .body("data.customer.callTimeSeries.timeZone", equalTo("UTC"))
                    .body("data.customer.callTimeSeries.buckets", hasSize(10))
                    .body("data.customer.callTimeSeries.buckets[0].start", equalTo("2026-03-16T00:00:00Z"))
                    .body("data.customer.callTimeSeries.buckets[0].end", equalTo("2026-03-17T00:00:00Z"))
                    .body("data.customer.callTimeSeries.buckets.partial", everyItem(equalTo(false)))
                    .extract().jsonPath();
            List<Map<String, Object>> summaries = result.getList("data.customer.callTimeSeries.buckets.summary");
            assertAddsUp(summaries, result.getMap("data.customer.callSummary"), customer);
        }
    }

    @Test
    void weeklyPartnerBucketsAreIsoWeeksClippedToTheRangeAndAddUp() {
        // 2026-03-16 is a Monday: 16-22 is a whole week, 23-25 the clipped start of the next one.
        JsonPath weekly = post("examples/time-series-partner", "granularity", "WEEK", "from", "2026-03-18", "to", TO)
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.fromDate", contains("2026-03-18", "2026-03-23"))
                .body("data.callTimeSeries.buckets.toDate", contains("2026-03-22", "2026-03-25"))
                .body("data.callTimeSeries.buckets.partial", contains(true, true))
                .extract().jsonPath();
        JsonPath daily = post("examples/time-series-partner", "granularity", "DAY", "from", "2026-03-18", "to", TO)
                .body("errors", nullValue())
                .extract().jsonPath();
        List<Map<String, Object>> days = daily.getList("data.callTimeSeries.buckets.summary");
        List<Map<String, Object>> weeks = weekly.getList("data.callTimeSeries.buckets.summary");
        assertEquals(total(days, "totalCalls"), total(weeks, "totalCalls"));
        assertEquals(total(days, "billableSeconds"), total(weeks, "billableSeconds"));
        assertThat(total(weeks, "totalCalls"), greaterThan(0L));

        // The simulated calls all lie in 2026-03-16..25: February's bucket is empty, March's holds them all.
        long allDays = total(post("examples/time-series-partner", "granularity", "DAY", "from", FROM, "to", TO)
                .extract().jsonPath().getList("data.callTimeSeries.buckets.summary"), "totalCalls");
        post("examples/time-series-partner", "granularity", "MONTH", "from", "2026-02-20", "to", TO)
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.fromDate", contains("2026-02-20", "2026-03-01"))
                .body("data.callTimeSeries.buckets.toDate", contains("2026-02-28", TO))
                .body("data.callTimeSeries.buckets[0].summary.totalCalls", equalTo(0))
                .body("data.callTimeSeries.buckets[1].summary.totalCalls", equalTo((int) allDays));
    }

    @Test
    void hourlyBucketsComputedFromTheCallsAddUpToTheDays() {
        JsonPath hourly = post("analytics/series", "id", "MA_SIM00002", "granularity", "HOUR",
                "from", "2026-03-24", "to", TO)
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets", hasSize(48))
                .body("data.callTimeSeries.buckets[25].start", equalTo("2026-03-25T01:00:00Z"))
                .body("data.callTimeSeries.buckets[25].end", equalTo("2026-03-25T02:00:00Z"))
                .extract().jsonPath();
        JsonPath daily = post("analytics/series", "id", "MA_SIM00002", "granularity", "DAY",
                "from", "2026-03-24", "to", TO)
                .body("errors", nullValue())
                .extract().jsonPath();
        List<Map<String, Object>> hours = hourly.getList("data.callTimeSeries.buckets.summary");
        List<Map<String, Object>> days = daily.getList("data.callTimeSeries.buckets.summary");
        for (String key : List.of("totalCalls", "answeredCalls", "totalDurationSeconds", "billableSeconds")) {
            assertEquals(total(days.subList(0, 1), key), total(hours.subList(0, 24), key), key + " on the 24th");
            assertEquals(total(days.subList(1, 2), key), total(hours.subList(24, 48), key), key + " on the 25th");
        }
        assertEquals(cost(days), cost(hours));
    }

    @Test
    void breakdownsSplitTheWholeSetExactlyWithTheCausesMeaning() {
        Map<String, Object> filter = Map.of("fromDate", FROM, "toDate", TO);
        for (String customer : new String[] {"MA_SIM00001", null}) {
            JsonPath result = post("examples/breakdown", "id", customer, "filter", filter)
                    .body("errors", nullValue())
                    .body("data.callBreakdown.byDirection.consistent", equalTo(true))
                    .body("data.callBreakdown.byStatus.consistent", equalTo(true))
                    .body("data.callBreakdown.byHangupCause.consistent", equalTo(true))
                    .body("data.callBreakdown.byStatus.rows.status",
                            contains("ANSWERED", "FAILED", "BUSY", "NO_ANSWER"))
                    .body("data.callBreakdown.byHangupCause.rows.meaning", everyItem(notNullValue()))
                    .extract().jsonPath();
            int total = result.getInt("data.callBreakdown.summary.totalCalls");
            assertThat(total, greaterThan(0));
            for (String split : List.of("byDirection", "byStatus", "byHangupCause")) {
                List<Map<String, Object>> rows = result.getList("data.callBreakdown." + split + ".rows");
                assertEquals(total, result.getInt("data.callBreakdown." + split + ".totalCalls"), split);
                assertEquals(total, total(rows, "calls"), split + " rows add up to the set");
                assertEquals(100.0, rows.stream().mapToDouble(r -> ((Number) r.get("share")).doubleValue()).sum(),
                        0.5, split + " shares add up to 100 % (one-decimal rounding aside)");
            }
        }
        // The status split agrees with the calls' own status.
        JsonPath busy = post("examples/customer-calls", "id", "MA_SIM00001", "filter",
                Map.of("fromDate", FROM, "toDate", TO, "status", "BUSY")).extract().jsonPath();
        JsonPath split = post("examples/breakdown", "id", "MA_SIM00001", "filter", filter).extract().jsonPath();
        assertEquals(busy.getInt("data.customer.calls.totalCount"),
                split.getInt("data.callBreakdown.byStatus.rows.find { it.status == 'BUSY' }.calls"));
    }

    @Test
    void connectionsSayWhichFilterTheUpstreamApplied() {
        // MA_SIM00001 has its own token: the account search endpoint, which echoes what it applied.
        post("examples/applied-filter", "id", "MA_SIM00001", "filter",
                Map.of("fromDate", FROM, "toDate", TO, "direction", "OUTBOUND"))
                .body("errors", nullValue())
                .body("data.customer.calls.appliedFilter.endpoint", equalTo("ACCOUNT_SEARCH"))
                .body("data.customer.calls.appliedFilter.echoed", equalTo(true))
                .body("data.customer.calls.appliedFilter.direction", equalTo("OUTBOUND"))
                .body("data.customer.calls.appliedFilter.fromDate", equalTo(FROM))
                .body("data.customer.calls.appliedFilter.notGuaranteed", empty())
                .body("data.customer.calls.appliedFilter.notApplied", empty());
        // MA_SIM00004 has none: the partner API, where number filters are pass-through.
        post("examples/applied-filter", "id", "MA_SIM00004", "filter",
                Map.of("status", "ANSWERED", "callerNumber", "+91"))
                .body("errors", nullValue())
                .body("data.customer.calls.appliedFilter.endpoint", equalTo("PARTNER_CUSTOMER_CDRS"))
                .body("data.customer.calls.appliedFilter.echoed", equalTo(false))
                .body("data.customer.calls.appliedFilter.status", equalTo("ANSWERED"))
                .body("data.customer.calls.appliedFilter.callerNumber", equalTo("+91"))
                .body("data.customer.calls.appliedFilter.notGuaranteed", contains("CALLER_NUMBER"));
    }

    private static void assertAddsUp(List<Map<String, Object>> buckets, Map<String, Object> whole, String customer) {
        assertThat(customer + " has calls in the range", (Integer) whole.get("totalCalls"), greaterThan(0));
        for (String key : List.of("totalCalls", "answeredCalls", "totalDurationSeconds", "billableSeconds")) {
            assertEquals(((Number) whole.get(key)).longValue(), total(buckets, key), customer + ": " + key);
        }
        assertEquals(new BigDecimal(((Map<?, ?>) whole.get("totalCost")).get("amount").toString()).stripTrailingZeros(),
                cost(buckets), customer + ": cost");
    }

    private static long total(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToLong(r -> ((Number) r.get(key)).longValue()).sum();
    }

    private static BigDecimal cost(List<Map<String, Object>> summaries) {
        return summaries.stream()
                .map(s -> new BigDecimal(((Map<?, ?>) s.get("totalCost")).get("amount").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }
}
