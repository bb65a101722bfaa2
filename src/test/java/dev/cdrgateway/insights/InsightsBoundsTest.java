package dev.cdrgateway.insights;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configurable bounds of leaderboards and quality reports, against an upstream that answers slowly and counts
 * how many requests it serves at once: the fan-out's concurrency, the customers considered, the calls scanned per
 * customer and per report, and the quality thresholds.
 */
@QuarkusTest
@TestProfile(InsightsBoundsTest.TightBounds.class)
@WithTestResource(InFlightWireMockResource.class)
class InsightsBoundsTest extends UpstreamTest {

    private static final Map<String, String> MARCH = Map.of("fromDate", "2026-03-01", "toDate", "2026-03-25");

    /** Two customers at once, five customers, five calls per customer, 250 calls per report, MOS below 4.45. */
    public static class TightBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.insights.leaderboard.concurrency", "2",
                    "gateway.insights.leaderboard.max-customers", "5",
                    "gateway.insights.leaderboard.max-calls-per-customer", "5",
                    "gateway.insights.quality.max-calls", "250",
                    "gateway.insights.quality.mos-below", "4.45");
        }
    }

    @Test
    void theFanOutReadsAtMostTheConfiguredNumberOfCustomersAtOnceAndStopsAtMaxCustomers() {
        // The partner has 6 customers; the gateway asks for the first 5 (its bound) and says it is truncated.
        vobiz.stubFor(partnerGet("/accounts").withQueryParam("per_page", WireMock.equalTo("5"))
                .willReturn(json(InsightsStubs.customerPage(6, false,
                        "MA_C0001", "MA_C0002", "MA_C0003", "MA_C0004", "MA_C0005"))));
        for (int n = 1; n <= 5; n++) {
            vobiz.stubFor(partnerGet("/accounts/MA_C000" + n + "/cdrs")
                    .willReturn(json(InsightsStubs.summaryPage(n * 10, n, 60, "1.00"))));
        }
        InFlightWireMockResource.resetMax();

        post("insights/leaderboard", "metric", "CALLS", "filter", MARCH)
                .body("errors", nullValue())
                .body("data.leaderboard.entries.customer.id",
                        contains("MA_C0005", "MA_C0004", "MA_C0003", "MA_C0002", "MA_C0001"))
                .body("data.leaderboard.totalCustomers", equalTo(6))
                .body("data.leaderboard.consideredCustomers", equalTo(5))
                .body("data.leaderboard.truncated", equalTo(true))
                .body("data.leaderboard.complete", equalTo(false));

        vobiz.verify(5, getRequestedFor(urlPathMatching("/api/v1/partner/accounts/MA_C000./cdrs"))
                .withQueryParam("per_page", WireMock.equalTo("1")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts")));
        // Five reads, each held 150 ms upstream: never more than two at once, but two at once (it is concurrent).
        assertEquals(2, InFlightWireMockResource.maxInFlight());
    }

    @Test
    void thePoorQualityShareIsMarkedSampledWhenACustomerHasMoreCallsThanTheBound() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(InsightsStubs.customerList(false, "MA_C0001"))));
        // The fixture's 7 calls; only the newest 5 are read, one of which has quality data (MOS 2.6: poor).
        vobiz.stubFor(partnerGet("/accounts/MA_C0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("insights/leaderboard", "metric", "POOR_QUALITY_SHARE", "filter", MARCH)
                .body("errors", nullValue())
                .body("data.leaderboard.entries.value", contains(100.0f))
                .body("data.leaderboard.entries.sampled", contains(true))
                .body("data.leaderboard.entries[0].quality.scannedCalls", equalTo(5))
                .body("data.leaderboard.entries[0].quality.complete", equalTo(false))
                .body("data.leaderboard.complete", equalTo(false));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_C0001/cdrs"))
                .withQueryParam("page", WireMock.equalTo("1")).withQueryParam("per_page", WireMock.equalTo("5")));
    }

    @Test
    void aQualityReportScansAtMostMaxCallsInConcurrentPages() {
        for (int page = 1; page <= 10; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .willReturn(json(Vendor.generatedCdrPage(1000, page, 100))));
        }

        post("examples/call-quality")
                .body("errors", nullValue())
                .body("data.callQuality.totalCalls", equalTo(1000))
                .body("data.callQuality.scannedCalls", equalTo(250))
                .body("data.callQuality.complete", equalTo(false))
                .body("data.callQuality.callsWithoutQualityData", equalTo(250));

        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")).withQueryParam("per_page", WireMock.equalTo("100")));
        for (int page = 1; page <= 3; page++) {
            vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                    .withQueryParam("page", WireMock.equalTo(Integer.toString(page))));
        }
    }

    @Test
    void qualityThresholdsComeFromConfiguration() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("examples/call-quality", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.callQuality.thresholds.mosBelow", equalTo(4.45f))
                .body("data.callQuality.lowMos.calls", equalTo(2)) // MOS 2.6 and 4.4; 4.5 is not below 4.45
                .body("data.callQuality.callsWithQualityData", equalTo(3));
    }
}
