package dev.cdrgateway.insights;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.FixedClock;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Anomaly rules against WireMock fixtures that trigger and that do not trigger each rule. The observed window is
 * 2026-03-25 (asOf, one day), the baseline 2026-03-18 to 2026-03-24. Each window needs four summary reads: all
 * calls, outbound calls, outbound calls of at least 10 s ({@code min_duration}) and {@code status=no_answer}.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class AnomalyTest extends UpstreamTest {

    private static final String OBSERVED = "2026-03-25";
    private static final String BASELINE = "2026-03-18";

    /** Counts of one window on the partner-wide log. */
    private void window(String startDate, int all, int answered, int outbound, int outboundLong, int noAnswer) {
        vobiz.stubFor(global(startDate, null, null, null).willReturn(json(InsightsStubs.summaryPage(all, answered, 0, "0"))));
        vobiz.stubFor(global(startDate, "outbound", null, null).willReturn(json(InsightsStubs.summaryPage(outbound, 0, 0, "0"))));
        vobiz.stubFor(global(startDate, "outbound", "10", null).willReturn(json(InsightsStubs.summaryPage(outboundLong, 0, 0, "0"))));
        vobiz.stubFor(global(startDate, null, null, "no_answer").willReturn(json(InsightsStubs.summaryPage(noAnswer, 0, 0, "0"))));
    }

    private static MappingBuilder global(String startDate, String direction, String minDuration, String status) {
        return partnerGet("/cdrs")
                .withQueryParam("start_date", WireMock.equalTo(startDate))
                .withQueryParam("per_page", WireMock.equalTo("1"))
                .withQueryParam("call_direction", direction == null ? absent() : WireMock.equalTo(direction))
                .withQueryParam("min_duration", minDuration == null ? absent() : WireMock.equalTo(minDuration))
                .withQueryParam("status", status == null ? absent() : WireMock.equalTo(status));
    }

    /** A usual baseline: 700 calls, 60 % answered, 350 outbound of which 10 % short, 20 % no answer. */
    private void usualBaseline() {
        window(BASELINE, 700, 420, 350, 315, 140);
    }

    private static ValidatableResponse partnerWide() {
        return post("examples/anomalies", "asOf", OBSERVED);
    }

    /** The gateway and these expectations read the same today. */
    @BeforeEach
    void fixToday() {
        FixedClock.install();
    }

    @Test
    void aUsualDayTriggersNothingAndCostsEightSummaryReads() {
        usualBaseline();
        window(OBSERVED, 100, 60, 50, 45, 20);

        partnerWide()
                .body("errors", nullValue())
                .body("data.anomalies.window.fromDate", equalTo(OBSERVED))
                .body("data.anomalies.baselineWindow.fromDate", equalTo(BASELINE))
                .body("data.anomalies.baselineWindow.toDate", equalTo("2026-03-24"))
                .body("data.anomalies.anomalies", hasSize(0))
                .body("data.anomalies.checks.triggered", contains(false, false, false))
                .body("data.anomalies.checks.severity", contains("NONE", "NONE", "NONE"))
                .body("data.anomalies.checks.observedValue", contains(10.0f, 60.0f, 20.0f))
                .body("data.anomalies.checks.baselineValue", contains(10.0f, 60.0f, 20.0f))
                .body("data.anomalies.checks.threshold", contains(30.0f, 40.0f, 35.0f));

        assertEquals(8, vobiz.getAllServeEvents().size());
        vobiz.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                .withQueryParam("start_date", WireMock.equalTo(BASELINE)).withQueryParam("end_date", WireMock.equalTo("2026-03-24")));
    }

    @Test
    void aSpikeOfShortOutboundCallsTriggersCritical() {
        usualBaseline();
        window(OBSERVED, 100, 60, 50, 10, 20); // 40 of 50 outbound calls under 10 s: 80 %

        partnerWide()
                .body("errors", nullValue())
                .body("data.anomalies.anomalies.rule", contains("SHORT_CALL_SPIKE"))
                .body("data.anomalies.anomalies[0].severity", equalTo("CRITICAL"))
                .body("data.anomalies.checks[0].observedValue", equalTo(80.0f))
                .body("data.anomalies.checks[0].baselineValue", equalTo(10.0f))
                .body("data.anomalies.checks[0].threshold", equalTo(30.0f))
                .body("data.anomalies.checks[0].observedCalls", equalTo(50))
                .body("data.anomalies.checks[0].baselineCalls", equalTo(350))
                .body("data.anomalies.checks[0].explanation", containsString("80% of 50 outbound calls in 2026-03-25 lasted under 10 s"))
                .body("data.anomalies.checks[0].explanation", containsString("toll fraud"));
    }

    @Test
    void shortCallsOnAnAccountWithoutBaselineTrafficAreJudgedAgainstTheAbsoluteMinimum() {
        window(BASELINE, 0, 0, 0, 0, 0);
        window(OBSERVED, 40, 10, 40, 25, 5); // 15 of 40 short: 37.5 %, above the 30 % minimum

        partnerWide()
                .body("data.anomalies.checks[0].triggered", equalTo(true))
                .body("data.anomalies.checks[0].threshold", equalTo(30.0f))
                .body("data.anomalies.checks[0].severity", equalTo("WARNING"))
                .body("data.anomalies.checks[0].explanation", containsString("absolute minimum"))
                // The rates need a baseline: not judged.
                .body("data.anomalies.checks[1].triggered", equalTo(false))
                .body("data.anomalies.checks[1].threshold", nullValue())
                .body("data.anomalies.checks[1].explanation", containsString("Not judged"));
    }

    @Test
    void anAnswerRateCollapseTriggers() {
        usualBaseline();
        window(OBSERVED, 100, 35, 50, 45, 20); // 35 % against 60 %: 25 points down, threshold 40 %

        partnerWide()
                .body("data.anomalies.anomalies.rule", contains("ANSWER_RATE_COLLAPSE"))
                .body("data.anomalies.anomalies[0].severity", equalTo("WARNING"))
                .body("data.anomalies.checks[1].observedValue", equalTo(35.0f))
                .body("data.anomalies.checks[1].threshold", equalTo(40.0f))
                .body("data.anomalies.anomalies[0].explanation", containsString("misconfiguration"));
    }

    @Test
    void anUnusualNoAnswerRateTriggersAndTheMostSevereComesFirst() {
        usualBaseline();
        window(OBSERVED, 100, 20, 50, 10, 40); // no answer 40 % (threshold 35), answer 20 % (critical), short 80 %

        partnerWide()
                .body("data.anomalies.anomalies.rule",
                        contains("SHORT_CALL_SPIKE", "ANSWER_RATE_COLLAPSE", "UNUSUAL_NO_ANSWER_RATE"))
                .body("data.anomalies.anomalies.severity", contains("CRITICAL", "CRITICAL", "WARNING"))
                .body("data.anomalies.checks[2].observedValue", equalTo(40.0f))
                .body("data.anomalies.checks[2].threshold", equalTo(35.0f));
    }

    @Test
    void tooFewCallsAreNeverJudged() {
        usualBaseline();
        window(OBSERVED, 10, 0, 10, 0, 10); // everything extreme, but only 10 calls

        partnerWide()
                .body("data.anomalies.anomalies", hasSize(0))
                .body("data.anomalies.checks.threshold", contains(nullValue(), nullValue(), nullValue()));
    }

    @Test
    void aCustomersReportReadsItsOwnCallsThroughTheRouter() {
        stubCustomerWithOwnToken(); // own token: account API, except status (partner API only)
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(InsightsStubs.summaryPage(100, 60, 0, "0"))));
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").withQueryParam("status", WireMock.equalTo("no_answer"))
                .willReturn(json(InsightsStubs.summaryPage(20, 0, 0, "0"))));

        post("examples/anomalies", "id", "MA_DEMO0001", "asOf", OBSERVED)
                .body("errors", nullValue())
                .body("data.anomalies.customerId", equalTo("MA_DEMO0001"))
                .body("data.anomalies.checks[2].observedValue", equalTo(20.0f));

        vobiz.verify(6, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr/search"))
                .withQueryParam("per_page", WireMock.equalTo("1")));
        vobiz.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001/cdrs")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
    }

    @Test
    void badWindowsAndForeignCustomersAreRefusedBeforeAnyUpstreamCall() {
        String tomorrow = FixedClock.TODAY.plusDays(1).toString();
        post("examples/anomalies", "windowDays", 0).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("examples/anomalies", "windowDays", 32).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("examples/anomalies", "baselineDays", 91).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("examples/anomalies", "asOf", tomorrow)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("future"));
        post("insights/customer-insights", "id", "MA_DEMO0001", "asOf", tomorrow)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        // A year Vobiz cannot be sent (it went upstream and came back UPSTREAM_REJECTED), and a window reaching it
        post("examples/anomalies", "asOf", "-0001-03-25")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("asOf"));
        post("examples/anomalies", "asOf", "0001-01-03", "baselineDays", 7)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        postAs(Tokens.customer("acme", "MA_DEMO0001"), "examples/anomalies", "id", "MA_DEMO0002", "asOf", OBSERVED)
                .body("data.anomalies", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }
}
