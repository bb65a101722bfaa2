package dev.cdrgateway.insights;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Call quality reports against WireMock, on the shared fixture's seven calls: three with quality data (MOS 2.6 with
 * 48.7 ms jitter and 4.8 % loss, 4.4 and 4.5) and four without (MOS 0 or null, never counted as "worst").
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class QualityTest extends UpstreamTest {

    private static final String CALL_1 = "d0000000-0000-4000-8000-000000000001";
    private static final String CALL_2 = "d0000000-0000-4000-8000-000000000002";
    private static final String CALL_6 = "d0000000-0000-4000-8000-000000000006";

    private void stubFixtureCalls() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
    }

    @Test
    void sharesCountOnlyCallsWithQualityDataAndCallsWithoutItSeparately() {
        stubFixtureCalls();

        post("insights/quality", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.callQuality.totalCalls", equalTo(7))
                .body("data.callQuality.scannedCalls", equalTo(7))
                .body("data.callQuality.complete", equalTo(true))
                .body("data.callQuality.callsWithQualityData", equalTo(3))
                .body("data.callQuality.callsWithoutQualityData", equalTo(4))
                .body("data.callQuality.lowMos.calls", equalTo(1))
                .body("data.callQuality.lowMos.sharePercent", equalTo(33.3f))
                .body("data.callQuality.highJitter.calls", equalTo(1))
                .body("data.callQuality.highPacketLoss.calls", equalTo(1))
                .body("data.callQuality.poorQuality.calls", equalTo(1))
                .body("data.callQuality.averageMos", equalTo(3.83f))
                .body("data.callQuality.worstCalls.totalCount", equalTo(3))
                .body("data.callQuality.worstCalls.edges.node.uuid", contains(CALL_6, CALL_1, CALL_2));

        // One scan: the set's only page, read once for every field.
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr"))
                .withQueryParam("page", WireMock.equalTo("1")).withQueryParam("per_page", WireMock.equalTo("100")));
    }

    @Test
    void worstCallsPageForwardWithCursorsBoundToTheFilter() {
        stubFixtureCalls();
        String cursor = post("insights/quality", "id", "MA_DEMO0001", "first", 1)
                .body("data.callQuality.worstCalls.edges.node.uuid", contains(CALL_6))
                .body("data.callQuality.worstCalls.pageInfo.hasNextPage", equalTo(true))
                .extract().path("data.callQuality.worstCalls.pageInfo.endCursor");

        post("insights/quality", "id", "MA_DEMO0001", "first", 5, "after", cursor)
                .body("errors", nullValue())
                .body("data.callQuality.worstCalls.edges.node.uuid", contains(CALL_1, CALL_2))
                .body("data.callQuality.worstCalls.pageInfo.hasNextPage", equalTo(false))
                .body("data.callQuality.worstCalls.pageInfo.hasPreviousPage", equalTo(true));

        // The same cursor with another filter, and an oversized page, are refused before any upstream call.
        vobiz.resetRequests();
        post("insights/quality", "id", "MA_DEMO0001", "after", cursor, "filter", Map.of("direction", "INBOUND"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("insights/quality", "id", "MA_DEMO0001", "first", 501)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post("insights/quality", "id", "MA_DEMO0001", "filter", Map.of("fromDate", "2026-03-25", "toDate", "2026-03-01"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void customerUsersSeeOnlyTheirOwnQualityWithoutUpstreamCallsOtherwise() {
        String token = Tokens.customer("acme", "MA_DEMO0001");
        postAs(token, "insights/quality", "id", "MA_DEMO0002")
                .body("data.callQuality", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));

        stubFixtureCalls();
        postAs(token, "insights/quality")
                .body("errors", nullValue())
                .body("data.callQuality.totalCalls", equalTo(7));
    }

    @Test
    void partnerWideQualityScansThePartnersCallLog() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(Vendor.body("partner-global-cdrs/page"))));

        postAs(Tokens.partnerViewer("acme"), "insights/quality")
                .body("errors", nullValue())
                .body("data.callQuality.complete", equalTo(true));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))
                .withQueryParam("page", WireMock.equalTo("1")).withQueryParam("per_page", WireMock.equalTo("100")));
    }

    @Test
    void qualityScansCountTowardsTheQueryCostSoAHundredOfThemAreRefusedUpFront() {
        post("insights/quality-per-customer", "first", 100)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }
}
