package dev.cdrgateway.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cdrgateway.testsupport.FixedClock;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Time series against WireMock: exactly one upstream summary read per bucket with that bucket's dates, a bounded
 * number in flight, closed buckets cached long and the open one briefly, a failed bucket failing the field, the
 * customer scope enforced and bad input refused, all before (or without) upstream calls.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class TimeSeriesTest extends UpstreamTest {

    private static final String CUSTOMER_CDRS = "/api/v1/Account/MA_DEMO0001/cdr/search";

    @CacheName("vobiz-closed")
    Cache closed;
    @CacheName("vobiz-open")
    Cache open;

    /** The gateway and these expectations read the same today. */
    @BeforeEach
    void fixToday() {
        FixedClock.install();
    }

    @Test
    void readsOneSummaryPerBucketWithTheBucketsDates() {
        stubCustomerWithOwnToken();
        for (int day = 1; day <= 5; day++) {
            vobiz.stubFor(accountGet("MA_DEMO0001", "/search")
                    .withQueryParam("start_date", WireMock.equalTo("2026-03-0" + day))
                    .withQueryParam("end_date", WireMock.equalTo("2026-03-0" + day))
                    .willReturn(json(summaryBody(10 * day, 60 * day))));
        }

        post("analytics/series", "id", "MA_DEMO0001", "granularity", "DAY", "from", "2026-03-01", "to", "2026-03-05",
                "filter", Map.of("direction", "OUTBOUND"))
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.fromDate",
                        contains("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"))
                .body("data.callTimeSeries.buckets.summary.totalCalls", contains(10, 20, 30, 40, 50))
                .body("data.callTimeSeries.buckets[1].billableMinutes", equalTo(2.0f))
                .body("data.callTimeSeries.buckets[1].start", equalTo("2026-03-02T00:00:00Z"));

        List<LoggedRequest> reads = vobiz.findAll(getRequestedFor(urlPathEqualTo(CUSTOMER_CDRS)));
        assertEquals(5, reads.size(), "one summary read per bucket");
        for (LoggedRequest read : reads) {
            assertEquals(read.queryParameter("start_date").firstValue(), read.queryParameter("end_date").firstValue());
            assertEquals("1", read.queryParameter("per_page").firstValue(), "only the summary is needed");
            assertEquals("outbound", read.queryParameter("call_direction").firstValue(), "the series' filter");
        }
    }

    @Test
    void partnerWideMonthlyBucketsAreClippedToTheRange() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(3, 0))));

        post("examples/time-series-partner", "granularity", "MONTH", "from", "2026-01-15", "to", "2026-03-10")
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.fromDate", contains("2026-01-15", "2026-02-01", "2026-03-01"))
                .body("data.callTimeSeries.buckets.toDate", contains("2026-01-31", "2026-02-28", "2026-03-10"))
                .body("data.callTimeSeries.buckets.partial", contains(true, false, true));

        Set<String> ranges = vobiz.findAll(getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))).stream()
                .map(r -> r.queryParameter("start_date").firstValue() + ".." + r.queryParameter("end_date").firstValue())
                .collect(Collectors.toSet());
        assertEquals(Set.of("2026-01-15..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-10"), ranges);
        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")));
    }

    @Test
    void closedBucketsAreCachedLongAndTheOneHoldingTodayBriefly() {
        LocalDate today = FixedClock.TODAY;
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(4, 0))));
        Object[] yesterdayAndToday = {"granularity", "DAY", "from", today.minusDays(1).toString(), "to", today.toString()};

        post("examples/time-series-partner", yesterdayAndToday).body("errors", nullValue());
        assertThat(keys(closed), hasItem(containsString("start_date=" + today.minusDays(1))));
        assertThat(keys(open), hasItem(containsString("start_date=" + today)));
        assertThat(keys(closed), not(hasItem(containsString("start_date=" + today))));

        open.invalidateAll().await().indefinitely(); // today's short TTL is over; yesterday's long one is not
        post("examples/time-series-partner", yesterdayAndToday).body("errors", nullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                .withQueryParam("start_date", WireMock.equalTo(today.minusDays(1).toString())));
        vobiz.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                .withQueryParam("start_date", WireMock.equalTo(today.toString())));
    }

    @Test
    void atMostTheConfiguredNumberOfBucketsAreReadAtOnce() {
        int delayMs = 150;
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(1, 0)).withFixedDelay(delayMs)));

        post("examples/time-series-partner", "granularity", "DAY", "from", "2026-03-01", "to", "2026-03-24")
                .body("errors", nullValue());

        // With at most 16 (the default) in flight, read k+16 can only start once some read up to k+15 has been
        // answered, which takes at least the stub's delay after read k arrived.
        int bound = 16;
        List<Long> arrivals = new ArrayList<>(vobiz.findAll(getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")))
                .stream().map(r -> r.getLoggedDate().getTime()).sorted(Comparator.naturalOrder()).toList());
        assertEquals(24, arrivals.size());
        for (int k = 0; k + bound < arrivals.size(); k++) {
            assertThat("read " + (k + bound) + " waited for a free slot", arrivals.get(k + bound) - arrivals.get(k),
                    greaterThanOrEqualTo((long) delayMs));
        }
    }

    @Test
    void aFailedBucketFailsTheWholeSeriesNeverAZeroBucket() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(5, 0))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("start_date", WireMock.equalTo("2026-03-02"))
                .willReturn(aResponse().withStatus(500)));

        post("examples/time-series-partner", "granularity", "DAY", "from", "2026-03-01", "to", "2026-03-03")
                .body("data.callTimeSeries", nullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].path", contains("callTimeSeries"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void hourlyBucketsPageThroughTheWindowsCallsOnce() {
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("per_page", WireMock.equalTo("100"))
                .willReturn(json(Vendor.generatedCdrPage(250, 1, 100))));
        for (int page = 2; page <= 3; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .willReturn(json(Vendor.generatedCdrPage(250, page, 100))));
        }

        // The generated rows are copies of one fixture row, which started on 2026-03-25 at 11:30 UTC.
        post("analytics/series", "granularity", "HOUR", "from", "2026-03-24", "to", "2026-03-25")
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.size()", equalTo(48))
                .body("data.callTimeSeries.buckets[35].start", equalTo("2026-03-25T11:00:00Z"))
                .body("data.callTimeSeries.buckets[35].summary.totalCalls", equalTo(250))
                .body("data.callTimeSeries.buckets[34].summary.totalCalls", equalTo(0));

        for (int page = 1; page <= 3; page++) {
            vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                    .withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .withQueryParam("per_page", WireMock.equalTo("100"))
                    .withQueryParam("start_date", WireMock.equalTo("2026-03-24"))
                    .withQueryParam("end_date", WireMock.equalTo("2026-03-25")));
        }
        vobiz.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void anHourlyWindowWithTooManyCallsIsRefusedAfterItsFirstPage() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(Vendor.generatedCdrPage(5001, 1, 100))));

        post("analytics/series", "granularity", "HOUR", "from", "2026-03-24", "to", "2026-03-25")
                .body("data.callTimeSeries", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("5001 calls"));
        vobiz.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void badRangesAreRefusedBeforeAnyUpstreamCall() {
        String[][] cases = {
                {"DAY", "2026-03-05", "2026-03-01", "swap them"},
                {"DAY", "2024-01-01", "2025-12-31", "731 DAY buckets"},
                {"HOUR", "2026-03-01", "2026-03-03", "at most 2 days"},
        };
        for (String[] c : cases) {
            post("analytics/customer-series-nested", "id", "MA_DEMO0001", "granularity", c[0], "from", c[1], "to", c[2])
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString(c[3]));
        }
        post("analytics/series", "granularity", "DAY", "from", "2026-03-01", "to", "2026-03-02",
                "filter", Map.of("fromDate", "2026-03-01"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("not inside `filter`"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theBucketCountIsPartOfTheQueryCost() {
        post("analytics/four-yearly-series")
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCustomerUserGetsOnlyItsOwnSeries() {
        String token = Tokens.customer("acme", "MA_DEMO0001");
        postAs(token, "analytics/series", "id", "MA_DEMO0002", "granularity", "DAY", "from", "2026-03-01",
                "to", "2026-03-02")
                .body("data.callTimeSeries", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("No customer with id 'MA_DEMO0002' was found"));
        postAs(token, "analytics/customer-series-nested", "id", "MA_DEMO0002", "granularity", "DAY",
                "from", "2026-03-01", "to", "2026-03-02")
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        // Without a customer id, a customer user's series is its own customer's, never the partner's.
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(summaryBody(2, 0))));
        postAs(token, "analytics/series", "granularity", "DAY", "from", "2026-03-01", "to", "2026-03-02")
                .body("errors", nullValue())
                .body("data.callTimeSeries.buckets.summary.totalCalls", contains(2, 2));
        vobiz.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")));
        vobiz.verify(2, getRequestedFor(urlPathEqualTo(CUSTOMER_CDRS)));
    }

    /** A list envelope whose summary says {@code calls} calls and {@code billable} billable seconds. */
    static String summaryBody(int calls, int billable) {
        ObjectNode envelope = Vendor.json("partner-customer-cdrs/page");
        ArrayNode rows = (ArrayNode) envelope.get("data");
        while (rows.size() > 1) {
            rows.remove(rows.size() - 1);
        }
        envelope.put("count", rows.size());
        ((ObjectNode) envelope.get("pagination")).put("total", calls).put("per_page", 1).put("pages", calls);
        ((ObjectNode) envelope.get("summary")).put("totalCalls", calls).put("answeredCalls", calls / 2)
                .put("total_billable_seconds", billable).put("total_duration_seconds", 2 * billable);
        return Vendor.text(envelope);
    }

    private static Set<String> keys(Cache cache) {
        return cache.as(CaffeineCache.class).keySet().stream().map(Object::toString).collect(Collectors.toSet());
    }
}
