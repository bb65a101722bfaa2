package dev.cdrgateway.analytics;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.analytics.TimeSeriesTest.summaryBody;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Breakdowns against WireMock: one exact summary per value on the partner API (status and hangup cause are
 * filters only it documents), UNKNOWN as the remainder, values the filter excludes answered without a call, an
 * upstream that ignores a filter flagged as inconsistent, and the customer scope enforced before any call.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class BreakdownTest extends UpstreamTest {

    private static final String CUSTOMER_CDRS = "/api/v1/partner/accounts/MA_DEMO0001/cdrs";

    @Test
    void statusSplitReadsOneSummaryPerStatusOnThePartnerApi() {
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(summaryBody(10, 0))));
        Map<String, Integer> counts = Map.of("answered", 6, "failed", 1, "busy", 2, "no_answer", 1);
        counts.forEach((status, n) -> vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs")
                .withQueryParam("status", WireMock.equalTo(status)).willReturn(json(summaryBody(n, 0)))));

        post("analytics/breakdown-status", "id", "MA_DEMO0001", "filter",
                Map.of("fromDate", "2026-03-01", "toDate", "2026-03-31"))
                .body("errors", nullValue())
                .body("data.callBreakdown.byStatus.totalCalls", equalTo(10))
                .body("data.callBreakdown.byStatus.consistent", equalTo(true))
                .body("data.callBreakdown.byStatus.rows.status", contains("ANSWERED", "FAILED", "BUSY", "NO_ANSWER"))
                .body("data.callBreakdown.byStatus.rows.calls", contains(6, 1, 2, 1))
                .body("data.callBreakdown.byStatus.rows.share", contains(60.0f, 10.0f, 20.0f, 10.0f));

        for (String status : counts.keySet()) {
            vobiz.verify(1, getRequestedFor(urlPathEqualTo(CUSTOMER_CDRS))
                    .withQueryParam("status", WireMock.equalTo(status))
                    .withQueryParam("per_page", WireMock.equalTo("1"))
                    .withQueryParam("start_date", WireMock.equalTo("2026-03-01"))
                    .withQueryParam("end_date", WireMock.equalTo("2026-03-31")));
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(CUSTOMER_CDRS)).withQueryParam("status", absent()));
        // Plus the customer record: the field settles that the customer is this partner's before any split.
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
        vobiz.verify(6, anyRequestedFor(anyUrl()));
    }

    @Test
    void causeSplitAttachesMeaningsAndCountsTheRestAsUnknown() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(0, 0))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("hangup_cause", absent()).willReturn(json(summaryBody(10, 0))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("hangup_cause", WireMock.equalTo("NORMAL_CLEARING"))
                .willReturn(json(summaryBody(6, 0))));
        vobiz.stubFor(partnerGet("/cdrs").withQueryParam("hangup_cause", WireMock.equalTo("USER_BUSY"))
                .willReturn(json(summaryBody(3, 0))));

        post("analytics/breakdown-causes")
                .body("errors", nullValue())
                .body("data.callBreakdown.byHangupCause.consistent", equalTo(true))
                .body("data.callBreakdown.byHangupCause.rows.cause", contains("NORMAL_CLEARING", "USER_BUSY", "UNKNOWN"))
                .body("data.callBreakdown.byHangupCause.rows.calls", contains(6, 3, 1))
                .body("data.callBreakdown.byHangupCause.rows[1].meaning", equalTo("The callee was busy or declined."));
        vobiz.verify(17, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")));
    }

    @Test
    void anUpstreamIgnoringTheFilterIsFlaggedInconsistent() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(10, 0)))); // every status "has" all 10 calls

        post("analytics/breakdown-status")
                .body("errors", nullValue())
                .body("data.callBreakdown.byStatus.consistent", equalTo(false));
    }

    @Test
    void valuesTheFilterExcludesCostNoUpstreamCall() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(summaryBody(4, 0))));

        post("analytics/breakdown-status", "filter", Map.of("status", "BUSY"))
                .body("errors", nullValue())
                .body("data.callBreakdown.byStatus.rows.calls", contains(0, 0, 4, 0))
                .body("data.callBreakdown.byStatus.consistent", equalTo(true));
        vobiz.verify(1, anyRequestedFor(anyUrl()));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                .withQueryParam("status", WireMock.equalTo("busy")));
    }

    @Test
    void aCustomerUserCannotSplitAnotherCustomersCalls() {
        String token = Tokens.customer("acme", "MA_DEMO0001");
        postAs(token, "examples/breakdown", "id", "MA_DEMO0002")
                .body("data.callBreakdown", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        // Without an id it is its own customer's split, read through the partner API's per-customer endpoint.
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(summaryBody(0, 0))));
        postAs(token, "analytics/breakdown-status")
                .body("errors", nullValue())
                .body("data.callBreakdown.byStatus.totalCalls", equalTo(0));
        vobiz.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")));
        vobiz.verify(5, getRequestedFor(urlPathEqualTo(CUSTOMER_CDRS)));
    }
}
