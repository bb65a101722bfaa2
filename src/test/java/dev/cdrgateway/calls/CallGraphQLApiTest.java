package dev.cdrgateway.calls;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cdrgateway.testsupport.UpstreamGate;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class CallGraphQLApiTest extends UpstreamTest {

    private static final String CALL_6 = "d0000000-0000-4000-8000-000000000006";

    @Test
    void customerCallsUseTheCustomersOwnAccountApi() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001", "first", 20)
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(7))
                .body("data.customer.calls.pageInfo.hasNextPage", equalTo(false))
                .body("data.customer.calls.edges", hasSize(7))
                .body("data.customer.calls.edges.node.status",
                        contains("NO_ANSWER", "ANSWERED", "FAILED", "BUSY", "NO_ANSWER", "ANSWERED", "ANSWERED"))
                .body("data.customer.calls.edges[1].node.quality.degraded", equalTo(true))
                .body("data.customer.calls.edges[1].node.quality.lowMos", equalTo(true))
                .body("data.customer.calls.edges[1].node.hangup.meaning", equalTo("A party hung up normally."))
                .body("data.customer.calls.edges[0].node.quality.hasMedia", equalTo(false))
                .body("data.customer.calls.edges[0].node.timing.answeredAt", nullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr"))
                .withHeader("X-Auth-ID", WireMock.equalTo("MA_DEMO0001"))
                .withQueryParam("page", WireMock.equalTo("1"))
                .withQueryParam("per_page", WireMock.equalTo("20")));
        vobiz.verify(0, getRequestedFor(urlPathMatching("/api/v1/partner/accounts/.*/cdrs")));
    }

    @Test
    void summaryIsNormalisedFromTheUpstreamSummary() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001")
                .body("data.customer.calls.summary.totalCalls", equalTo(7))
                .body("data.customer.calls.summary.answeredCalls", equalTo(3))
                .body("data.customer.calls.summary.answerRate", equalTo(42.9f))
                // 391 s over 7 calls, not the upstream "55s" string
                .body("data.customer.calls.summary.averageCallDurationSeconds", equalTo(55.9f))
                .body("data.customer.calls.summary.totalDurationSeconds", equalTo(391))
                .body("data.customer.calls.summary.billableSeconds", equalTo(325))
                .body("data.customer.calls.summary.totalCost.amount", equalTo(2.96f))
                .body("data.customer.calls.summary.totalCost.currency", equalTo("INR"))
                .body("data.customer.calls.summary.lastCallAt", equalTo("2026-03-25T11:30:00Z"));
    }

    @Test
    void pageAndSummaryOfTheSameFilterShareOneUpstreamCall() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(Vendor.body("account-cdr-search/outbound"))));

        post("cdr/calls-with-summary", "id", "MA_DEMO0001", "filter", Map.of("direction", "OUTBOUND"))
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(4))
                .body("data.customer.callSummary.totalCalls", equalTo(4))
                .body("data.customer.callSummary.answeredCalls", equalTo(1));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr/search")));
    }

    @Test
    void accountFiltersReachTheAccountApiUnderTheirUpstreamNames() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/search").willReturn(json(Vendor.body("account-cdr-search/outbound"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001", "filter", Map.of(
                "fromDate", "2026-03-01", "toDate", "2026-03-25", "direction", "OUTBOUND",
                "minDurationSeconds", 10, "callerNumber", "+91800", "calleeNumber", "0002"))
                .body("errors", nullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr/search"))
                .withQueryParam("start_date", WireMock.equalTo("2026-03-01"))
                .withQueryParam("end_date", WireMock.equalTo("2026-03-25"))
                .withQueryParam("call_direction", WireMock.equalTo("outbound"))
                .withQueryParam("min_duration", WireMock.equalTo("10"))
                .withQueryParam("from_number", WireMock.equalTo("+91800"))
                .withQueryParam("to_number", WireMock.equalTo("0002")));
    }

    @Test
    void partnerOnlyFiltersRouteToThePartnerApi() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001", "filter", Map.of(
                "status", "NO_ANSWER", "hangupCause", "ORIGINATOR_CANCEL", "maxDurationSeconds", 60,
                "fromDate", "2026-03-25", "toDate", "2026-03-25"))
                .body("errors", nullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001/cdrs"))
                .withQueryParam("status", WireMock.equalTo("no_answer"))
                .withQueryParam("hangup_cause", WireMock.equalTo("ORIGINATOR_CANCEL"))
                .withQueryParam("max_duration", WireMock.equalTo("60"))
                .withQueryParam("start_date", WireMock.equalTo("2026-03-25"))
                .withQueryParam("end_date", WireMock.equalTo("2026-03-25")));
        vobiz.verify(0, getRequestedFor(urlPathMatching("/api/v1/Account/.*")));
    }

    @Test
    void customersWithoutOwnTokenAreReadThroughThePartnerApi() {
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(7));

        vobiz.verify(0, getRequestedFor(urlPathMatching("/api/v1/Account/.*")));
    }

    @Test
    void globalLogPagesBeyondOneUpstreamPageFetchingPagesConcurrently() {
        int total = 420;
        for (int page = 1; page <= 5; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .withQueryParam("per_page", WireMock.equalTo("100"))
                    .willReturn(json(Vendor.generatedCdrPage(total, page, 100)).withTransformers(UpstreamGate.NAME)));
        }
        // Every page is held until three are requested at once: fetching them one after another never gets there.
        UpstreamGate.closeUntil(3);

        JsonPath first;
        try {
            first = post("cdr/global-calls", "first", 250)
                    .body("errors", nullValue())
                    .body("data.calls.totalCount", equalTo(total))
                    .body("data.calls.pageInfo.hasNextPage", equalTo(true))
                    .body("data.calls.pageInfo.hasPreviousPage", equalTo(false))
                    .extract().jsonPath();
        } finally {
            UpstreamGate.open();
        }
        assertEquals(expectedUuids(0, 250), first.getList("data.calls.edges.node.uuid"));

        List<LoggedRequest> requests = vobiz.findAll(getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs")));
        assertThat(requests, hasSize(3));
        assertTrue(UpstreamGate.openedByArrivals(), "the three pages must be requested concurrently");

        JsonPath second = post("cdr/global-calls", "first", 250,
                "after", first.getString("data.calls.pageInfo.endCursor"))
                .body("data.calls.pageInfo.hasNextPage", equalTo(false))
                .body("data.calls.pageInfo.hasPreviousPage", equalTo(true))
                .extract().jsonPath();
        assertEquals(expectedUuids(250, total), second.getList("data.calls.edges.node.uuid"));
    }

    @Test
    void backwardPagingWalksTheSetFromTheEnd() {
        int total = 45;
        // Every page shape the gateway may choose for these windows (it picks the smallest page that fits).
        for (int perPage = 10; perPage <= 30; perPage++) {
            for (int page = 1; page <= 5; page++) {
                vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                        .withQueryParam("per_page", WireMock.equalTo(Integer.toString(perPage)))
                        .willReturn(json(Vendor.generatedCdrPage(total, page, perPage))));
            }
        }

        JsonPath tail = post("cdr/global-calls", "last", 10)
                .body("errors", nullValue())
                .body("data.calls.pageInfo.hasNextPage", equalTo(false))
                .body("data.calls.pageInfo.hasPreviousPage", equalTo(true))
                .extract().jsonPath();
        assertEquals(expectedUuids(35, 45), tail.getList("data.calls.edges.node.uuid"));

        JsonPath before = post("cdr/global-calls", "last", 15,
                "before", tail.getString("data.calls.pageInfo.startCursor"))
                .body("errors", nullValue())
                .body("data.calls.pageInfo.hasNextPage", equalTo(true))
                .extract().jsonPath();
        assertEquals(expectedUuids(20, 35), before.getList("data.calls.edges.node.uuid"));
    }

    @Test
    void callOwnersAreLookedUpOncePerDistinctCustomer() {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(Vendor.body("partner-global-cdrs/page"))));
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001").willReturn(json(Vendor.body("partner-customer/get"))));
        var second = Vendor.json("partner-customer/get");
        second.put("auth_id", "MA_DEMO0002").put("name", "Demo Customer Two");
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0002").willReturn(json(Vendor.text(second))));

        JsonPath body = post("cdr/global-calls-owner")
                .body("errors", nullValue())
                .extract().jsonPath();
        List<String> owners = body.getList("data.calls.edges.node.customerId");
        List<String> names = body.getList("data.calls.edges.node.customer.name");
        for (int i = 0; i < owners.size(); i++) {
            assertEquals(owners.get(i).equals("MA_DEMO0001") ? "Demo Customer One" : "Demo Customer Two", names.get(i));
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0002")));
    }

    @Test
    void singleCallThroughTheAccountApiCarriesEveryDetail() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/" + CALL_6).willReturn(json(Vendor.body("account-cdr-single/found"))));

        post("cdr/call", "uuid", CALL_6, "customerId", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.call.uuid", equalTo(CALL_6))
                .body("data.call.status", equalTo("ANSWERED"))
                .body("data.call.direction", equalTo("INBOUND"))
                .body("data.call.timing.durationSeconds", equalTo(95))
                .body("data.call.timing.talkSeconds", equalTo(90))
                .body("data.call.timing.answeredAt", equalTo("2026-03-25T11:00:05Z"))
                .body("data.call.billing.totalCost.amount", equalTo(0.9f))
                .body("data.call.hangup.cause", equalTo("NORMAL_CLEARING"))
                .body("data.call.hangup.code", equalTo(4000))
                .body("data.call.quality.mos", equalTo(2.6f))
                .body("data.call.quality.jitterMs", equalTo(48.7f))
                .body("data.call.quality.packetLossPercent", equalTo(4.8f))
                .body("data.call.quality.highJitter", equalTo(true))
                .body("data.call.quality.highPacketLoss", equalTo(true))
                .body("data.call.sip.callId", equalTo("s0000000-0000-4000-8000-000000000006"))
                .body("data.call.region", equalTo("ap-south-1"));
    }

    @Test
    void singleCallThroughThePartnerApiAcceptsTheBareObject() {
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs/" + CALL_6).willReturn(json(Vendor.body("partner-cdr-single/bare"))));

        post("cdr/call", "uuid", CALL_6, "customerId", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.call.uuid", equalTo(CALL_6))
                .body("data.call.quality.degraded", equalTo(true));
    }

    @Test
    void unknownCallIsNotFound() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/d0000000-0000-4000-8000-000000000099")
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"CDR not found\",\"api_id\":\"x\"}")));

        post("cdr/call", "uuid", "d0000000-0000-4000-8000-000000000099", "customerId", "MA_DEMO0001")
                .body("data.call", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", containsString("d0000000-0000-4000-8000-000000000099"))
                .body("errors[0].message", org.hamcrest.Matchers.not(containsString("api_id")));
    }

    @Test
    void recentCallsUseTheRecentEndpointWithTheLimit() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "/recent").willReturn(json(Vendor.body("account-cdr-recent/limit3"))));

        post("cdr/recent-calls", "id", "MA_DEMO0001", "limit", 3)
                .body("errors", nullValue())
                .body("data.customer.recentCalls", hasSize(3));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr/recent"))
                .withQueryParam("limit", WireMock.equalTo("3")));
    }

    private static List<String> expectedUuids(int from, int to) {
        List<String> uuids = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> uuids.add(Vendor.generatedUuid(i)));
        return uuids;
    }
}
